package io.mubiao.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs local and test tokens: {@code private.pem} (PKCS#8) and {@code public.pem}
 * (X.509) in one folder. The services trust {@code public.pem} through {@code mp.jwt.verify.publickey.location}.
 */
public final class JwtKeys {

    /** The {@code iss} of local and test tokens; the services' default {@code mp.jwt.verify.issuer}. */
    public static final String ISSUER = "mubiao-local";

    private final Path folder;

    private JwtKeys(Path folder) {
        this.folder = folder;
    }

    /** The key pair in {@code folder}, created there first when it is missing. */
    public static JwtKeys inFolder(Path folder) {
        JwtKeys keys = new JwtKeys(folder);
        if (!Files.exists(keys.privateKey()) || !Files.exists(keys.publicKey())) {
            keys.generate();
        }
        return keys;
    }

    public Path publicKey() {
        return folder.resolve("public.pem");
    }

    public Path privateKey() {
        return folder.resolve("private.pem");
    }

    PrivateKey loadPrivateKey() {
        try {
            String pem = Files.readString(privateKey(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(privateKey() + " is not an RSA private key in PKCS#8 PEM", e);
        }
    }

    private void generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(folder);
            Files.writeString(privateKey(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(publicKey(), pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
