package io.pilotcheck.serve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's certificate and key for {@code serve --tls-cert FILE --tls-key FILE}, read from
 * PEM files as a certificate authority or {@code certbot} hands them out: the certificate file
 * with its chain, the key unencrypted in PKCS#8 ({@code BEGIN PRIVATE KEY}) or, for RSA, PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}).
 */
public final class TlsKeys {

    /** Certificate and key files that cannot serve, with why, for the operator. */
    public static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");

    private final KeyStore store;

    private TlsKeys(KeyStore store) {
        this.store = store;
    }

    /** The key store of {@code cert}'s chain and {@code key}; in memory, with an empty password. */
    KeyStore keyStore() {
        return store;
    }

    /**
     * Reads the two files, and checks that the key is the certificate's.
     *
     * @throws Unusable naming the file and what is wrong with it
     */
    public static TlsKeys read(Path cert, Path key) throws Unusable {
        List<? extends Certificate> chain;
        try {
            chain = List.copyOf(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(cert))));
        } catch (IOException e) {
            throw new Unusable(cert + ": cannot be read (" + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new Unusable(cert + ": no PEM certificate in it (" + e.getMessage() + ")", e);
        }
        if (chain.isEmpty()) {
            throw new Unusable(cert + ": no PEM certificate in it", null);
        }
        PrivateKey privateKey = privateKey(key, chain.get(0).getPublicKey().getAlgorithm());
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("pilotcheck", privateKey, new char[0], chain.toArray(new Certificate[0]));
            if (!matches(privateKey, chain.get(0))) {
                throw new Unusable(key + ": this key is not the key of the certificate in " + cert, null);
            }
            return new TlsKeys(store);
        } catch (IOException | GeneralSecurityException e) {
            throw new Unusable(cert + ", " + key + ": cannot be used together (" + e.getMessage() + ")", e);
        }
    }

    private static PrivateKey privateKey(Path key, String algorithm) throws Unusable {
        String text;
        try {
            text = Files.readString(key, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new Unusable(key + ": cannot be read (" + e.getMessage() + ")", e);
        }
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2).strip());
            try {
                switch (m.group(1)) {
                    case "PRIVATE KEY":
                        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                    case "RSA PRIVATE KEY":
                        byte[] pkcs8 = new org.bouncycastle.asn1.pkcs.PrivateKeyInfo(
                                new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                        org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption, org.bouncycastle.asn1.DERNull.INSTANCE),
                                org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(der)).getEncoded();
                        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                    case "ENCRYPTED PRIVATE KEY":
                        throw new Unusable(key + ": the key is encrypted; give it unencrypted, readable by the service's user only "
                                + "(openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem)", null);
                    default:
                        // another block (a certificate kept beside the key): the next one
                }
            } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
                throw new Unusable(key + ": not a " + algorithm + " private key the certificate can use (" + e.getMessage()
                        + "); convert it with openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem", e);
            }
        }
        throw new Unusable(key + ": no PEM private key in it (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY); "
                + "convert it with openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem", null);
    }

    /** Whether the key signs what the certificate's public key verifies. */
    private static boolean matches(PrivateKey key, Certificate cert) throws GeneralSecurityException {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : key.getAlgorithm().equals("RSA") ? "SHA256withRSA"
                : key.getAlgorithm();
        java.security.Signature sign = java.security.Signature.getInstance(algorithm);
        sign.initSign(key);
        byte[] probe = "pilotcheck".getBytes(StandardCharsets.US_ASCII);
        sign.update(probe);
        byte[] signature = sign.sign();
        java.security.Signature verify = java.security.Signature.getInstance(algorithm);
        verify.initVerify(cert.getPublicKey());
        verify.update(probe);
        return verify.verify(signature);
    }
}
