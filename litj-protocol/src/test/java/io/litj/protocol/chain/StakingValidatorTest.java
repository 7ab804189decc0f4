package io.litj.protocol.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.EthAddress;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class StakingValidatorTest {
    private static final EthAddress A = StakingContractTest.address(0);
    private static final BigInteger Z = BigInteger.ZERO;

    @Test
    void of_loopbackHost_isTheUint32Ip_withZeroExtras() {
        assertEquals(new StakingValidator(2130706433L, Z, 7470, A, Z, Z, Z), StakingValidator.of("127.0.0.1", 7470, A));
    }

    @Test
    void ipv4ToUint32_dottedQuads_areBigEndian() {
        assertEquals(2130706433L, StakingValidator.ipv4ToUint32("127.0.0.1"));
        assertEquals(0xffffffffL, StakingValidator.ipv4ToUint32("255.255.255.255"));
        assertEquals(0L, StakingValidator.ipv4ToUint32("0.0.0.0"));
        assertEquals(0x33ff3b3aL, StakingValidator.ipv4ToUint32("51.255.59.58"));
    }

    @Test
    void of_hostNotDottedIpv4_refusedWithInvalidArgument() {
        for (String host : List.of("localhost", "256.0.0.1", "1.2.3", "1.2.3.4.5", "1..2.3", "-1.2.3.4", "::1",
                "1.2.3.4 ", "1234.1.1.1", "")) {
            LitProtocolException e = assertThrows(LitProtocolException.class, () -> StakingValidator.of(host, 1, A),
                    host);
            assertEquals(LitErrorCode.InvalidArgument, e.code(), host);
        }
        assertEquals("host must be a dotted IPv4 address (the Staking contract stores uint32 ip) but is 'localhost'",
                assertThrows(LitProtocolException.class, () -> StakingValidator.of("localhost", 1, A)).getMessage());
    }

    @Test
    void of_portOutsideTcpRange_refusedWithInvalidArgument() {
        assertEquals("port must lie in 0..65535 but is 65536", assertThrows(LitProtocolException.class,
                () -> StakingValidator.of("127.0.0.1", 65536, A)).getMessage());
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class,
                () -> StakingValidator.of("127.0.0.1", -1, A)).code());
    }

    @Test
    void url_asTheJsSdkBuildsIt_httpsOnlyForPort443() {
        assertEquals("http://127.0.0.1:7470", StakingValidator.of("127.0.0.1", 7470, A).url());
        assertEquals("https://51.255.59.58:443", StakingValidator.of("51.255.59.58", 443, A).url());
        assertEquals("10.0.0.255", StakingValidator.of("10.0.0.255", 80, A).ipv4());
    }

    @Test
    void url_portAbove65535_refusedWithParserError() {
        StakingValidator v = new StakingValidator(2130706433L, Z, 70_000, A, Z, Z, Z);
        LitProtocolException e = assertThrows(LitProtocolException.class, v::url);
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("validator 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 has port 70000, above 65535",
                e.getMessage());
    }

    @Test
    void constructor_valuesOutsideTheirSolidityTypes_refusedWithInvalidArgument() {
        BigInteger max128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
        BigInteger max256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        List<Runnable> bad = List.of(
                () -> new StakingValidator(1L << 32, Z, 1, A, Z, Z, Z),
                () -> new StakingValidator(-1, Z, 1, A, Z, Z, Z),
                () -> new StakingValidator(1, max128.add(BigInteger.ONE), 1, A, Z, Z, Z),
                () -> new StakingValidator(1, Z, 1L << 32, A, Z, Z, Z),
                () -> new StakingValidator(1, Z, 1, A, max256.add(BigInteger.ONE), Z, Z),
                () -> new StakingValidator(1, Z, 1, A, Z, BigInteger.valueOf(-1), Z),
                () -> new StakingValidator(1, Z, 1, A, Z, Z, max256.add(BigInteger.ONE)));
        for (Runnable r : bad) {
            assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class, r::run).code());
        }
        assertEquals("ip must be a uint32 but is 4294967296", assertThrows(LitProtocolException.class,
                () -> new StakingValidator(1L << 32, Z, 1, A, Z, Z, Z)).getMessage());
        assertEquals(max128, new StakingValidator(0xffffffffL, max128, 0xffffffffL, A, max256, max256, max256).ipv6());
    }
}
