package io.mubiao.report.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SignatureTest {

    @Test
    void matchesTheRfc4231TestCase2() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Signature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void secretsAreLongAndFresh() {
        String one = Signature.newSecret();
        assertTrue(one.matches("[0-9a-f]{64}"), one);
        assertNotEquals(one, Signature.newSecret());
    }
}
