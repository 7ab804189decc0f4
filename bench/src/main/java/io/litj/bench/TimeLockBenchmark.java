package io.litj.bench;

import io.litj.threshold.bls.BlsPublicKey;
import io.litj.threshold.bls.BlsSecretKey;
import io.litj.threshold.bls.BlsSignature;
import io.litj.threshold.bls.TimeLock;
import io.litj.threshold.bls.TimeLockCiphertext;
import io.litj.threshold.bls.TimeLockPlaintext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time-lock encryption to a network key ({@code TimeLock}, blsful TimeCrypt) for a 1 KiB and a 1 MiB plaintext:
 * {@code encrypt} (two G1 scalar multiplications, hash to G2, one pairing, SHAKE128 over the data), {@code decrypt}
 * (one pairing, SHAKE128, the integrity check's G1 multiplication; the signature is already combined and
 * verified), and {@code parseAndDecrypt} from the SDK's base64 text. Microseconds per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TimeLockBenchmark {
    @Param({"1024", "1048576"})
    public int size;

    private final SecureRandom random = new SecureRandom();
    private BlsPublicKey networkKey;
    private byte[] identity;
    private byte[] plaintext;
    private BlsSignature decryptionKey;
    private TimeLockCiphertext ciphertext;
    private String base64;

    @Setup
    public void setUp() {
        BlsSecretKey root = BlsSecretKey.random(random);
        networkKey = root.publicKey();
        identity = ("lit-accesscontrolcondition://" + "ab".repeat(32) + "/" + "cd".repeat(32))
                .getBytes(StandardCharsets.UTF_8);
        plaintext = new byte[size];
        random.nextBytes(plaintext);
        decryptionKey = root.sign(identity);
        ciphertext = TimeLock.encrypt(networkKey, identity, plaintext, random);
        base64 = ciphertext.toBase64();
    }

    @Benchmark
    public TimeLockCiphertext encrypt() {
        return TimeLock.encrypt(networkKey, identity, plaintext, random);
    }

    @Benchmark
    public TimeLockPlaintext decrypt() {
        return TimeLock.decrypt(ciphertext, decryptionKey);
    }

    @Benchmark
    public TimeLockPlaintext parseAndDecrypt() {
        return TimeLock.decrypt(TimeLockCiphertext.parse(base64), decryptionKey);
    }
}
