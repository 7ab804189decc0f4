package io.litj.threshold.ecdsa.triples;

import io.litj.protocol.LitBugException;
import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.shamir.GroupElement;
import io.litj.threshold.shamir.SecretScalar;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The byte layout of triple-protocol messages: a one-byte {@link Kind} tag, then fixed-size fields (33-byte points,
 * 32-byte big-endian scalars, raw byte strings). Every length follows from the parameters of the run (parties,
 * threshold, batch size), so a message carries no counts: a reader first checks the exact total length, then reads.
 */
final class Wire {
    static final int SCALAR = 32;

    private Wire() {
    }

    /** Writes into a buffer of the exact size of the message. */
    static final class Writer {
        private final byte[] out;
        private int pos;

        Writer(Kind kind, int bodyLength) {
            out = new byte[1 + bodyLength];
            out[0] = kind.tag();
            pos = 1;
        }

        Writer point(ECPoint p) {
            Points.write(out, pos, p);
            pos += Points.SIZE;
            return this;
        }

        Writer point(GroupElement e) {
            Points.write(out, pos, e);
            pos += Points.SIZE;
            return this;
        }

        Writer scalar(BigInteger v) {
            byte[] b = Scalars.FIELD.toBytes(v);
            System.arraycopy(b, 0, out, pos, SCALAR);
            Arrays.fill(b, (byte) 0);
            pos += SCALAR;
            return this;
        }

        Writer secret(SecretScalar s) {
            byte[] b = s.exportSecret();
            System.arraycopy(b, 0, out, pos, SCALAR);
            Arrays.fill(b, (byte) 0);
            pos += SCALAR;
            return this;
        }

        Writer bytes(byte[] b) {
            System.arraycopy(b, 0, out, pos, b.length);
            pos += b.length;
            return this;
        }

        byte[] finish() {
            if (pos != out.length) {
                throw new LitBugException("triple message written to " + pos + " of " + out.length + " bytes");
            }
            return out;
        }
    }

    /** Reads a message whose total length was checked against its kind before any field is read. */
    static final class Reader {
        private final byte[] in;
        private final int from;
        private int pos = 1;

        /**
         * @throws ThresholdException {@code NodeParserError} if the message is not exactly {@code 1 + bodyLength}
         *     bytes
         */
        Reader(Kind kind, int from, byte[] in, int bodyLength) {
            if (in.length != 1 + bodyLength) {
                throw new ThresholdException(LitErrorCode.NodeParserError, kind + " message from party " + from
                        + " must be " + (1 + bodyLength) + " bytes but is " + in.length);
            }
            this.in = in;
            this.from = from;
        }

        ECPoint point(String field) {
            ECPoint p = Points.read(in, pos, field + " from party " + from);
            pos += Points.SIZE;
            return p;
        }

        GroupElement element(String field) {
            GroupElement e = Points.readElement(in, pos, field + " from party " + from);
            pos += Points.SIZE;
            return e;
        }

        /** A public scalar; refused unless below the group order. */
        BigInteger scalar(String field) {
            BigInteger v = new BigInteger(1, Arrays.copyOfRange(in, pos, pos + SCALAR));
            if (v.compareTo(Scalars.FIELD.order()) >= 0) {
                throw new ThresholdException(LitErrorCode.NodeParserError,
                        field + " from party " + from + " is not below the secp256k1 order");
            }
            pos += SCALAR;
            return v;
        }

        SecretScalar secret(String field) {
            return Scalars.secret(scalar(field));
        }

        byte[] bytes(int length) {
            byte[] b = Arrays.copyOfRange(in, pos, pos + length);
            pos += length;
            return b;
        }

        int position() {
            return pos;
        }

        /** The bytes between two positions already read. */
        byte[] range(int start, int end) {
            return Arrays.copyOfRange(in, start, end);
        }

        void end() {
            if (pos != in.length) {
                throw new LitBugException("triple message read to " + pos + " of " + in.length + " bytes");
            }
        }
    }
}
