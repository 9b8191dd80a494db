package io.mubiao.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A key pair of its own for a test run: the application trusts its public key, and tests sign real tokens
 * with {@link #tokens()}. The keys' folder travels in a system property, which every class loader of the
 * test JVM sees.
 */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String FOLDER_PROPERTY = "mubiao.test.jwt-keys";

    private Path folder;

    @Override
    public Map<String, String> start() {
        try {
            folder = Files.createTempDirectory("mubiao-jwt-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JwtKeys keys = JwtKeys.inFolder(folder);
        System.setProperty(FOLDER_PROPERTY, folder.toString());
        return Map.of(
                "mp.jwt.verify.publickey.location", keys.publicKey().toUri().toString(),
                "mp.jwt.verify.issuer", JwtKeys.ISSUER);
    }

    @Override
    public void stop() {
        if (folder != null) {
            KafkaBroker.deleteRecursively(folder);
        }
    }

    /** Signs tokens trusted by the application under test. */
    public static Tokens tokens() {
        String folder = System.getProperty(FOLDER_PROPERTY);
        if (folder == null) {
            throw new IllegalStateException("JwtTestResource has not started: register it with @QuarkusTestResource");
        }
        return new Tokens(JwtKeys.inFolder(Path.of(folder)));
    }
}
