package io.litj.node.keys;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.bls.BlsSecretKeyShare;
import io.litj.threshold.shamir.FeldmanCommitments;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.GroupElement;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.shamir.Share;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The JSON forms of key share files (see {@code docs/dkg.md}):
 * <pre>
 * bls-root.json      {"version":1,"kind":"network-bls","epoch":1,"identifier":1,"secretShare":"&lt;64 hex&gt;",
 *                     "publicKey":"&lt;96 hex&gt;","commitments":["&lt;96 hex&gt;",…]}
 * pkp-&lt;id&gt;.json   {"version":1,"kind":"pkp","tokenId":"&lt;64 hex&gt;","publicKey":"04…","identifier":1,
 *                     "secretShare":"&lt;64 hex&gt;","commitments":["&lt;66 hex&gt;",…]}
 * </pre>
 * Reading checks everything again (share against commitments, stored key and token id against derived ones).
 */
final class KeyShareFiles {
    private static final Set<String> ROOT_FIELDS = Set.of("version", "kind", "epoch", "identifier", "secretShare",
            "publicKey", "commitments");
    private static final Set<String> PKP_FIELDS = Set.of("version", "kind", "tokenId", "publicKey", "identifier",
            "secretShare", "commitments");

    private KeyShareFiles() {
    }

    static String rootJson(RootKeyShare root) {
        byte[] secret = root.share().exportSecret();
        try {
            return JsJson.stringify(JsonValue.object()
                    .put("version", new JsonValue.JsonNumber(1))
                    .put("kind", "network-bls")
                    .put("epoch", new JsonValue.JsonNumber(root.epoch()))
                    .put("identifier", new JsonValue.JsonNumber(root.identifier()))
                    .put("secretShare", Hex.encode(secret))
                    .put("publicKey", root.publicKey().toHex())
                    .put("commitments", commitmentsJson(root.commitments()))
                    .build());
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    static String pkpJson(PkpKeyShare pkp) {
        byte[] secret = pkp.share().value().exportSecret();
        try {
            return JsJson.stringify(JsonValue.object()
                    .put("version", new JsonValue.JsonNumber(1))
                    .put("kind", "pkp")
                    .put("tokenId", pkp.tokenId())
                    .put("publicKey", pkp.publicKey().hex())
                    .put("identifier", new JsonValue.JsonNumber(pkp.identifier()))
                    .put("secretShare", Hex.encode(secret))
                    .put("commitments", commitmentsJson(pkp.commitments()))
                    .build());
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    static RootKeyShare readRoot(Path file) {
        String where = "key share file " + file.getFileName();
        try {
            JsonFields f = fields(SecretFiles.read(file), where, ROOT_FIELDS, "network-bls");
            byte[] secret = Hex.decodeExact(f.string("secretShare"), 32, where + " secretShare");
            RootKeyShare root;
            try {
                root = RootKeyShare.of(f.integer("epoch"),
                        BlsSecretKeyShare.fromBytes(identifier(f), secret),
                        commitments(f, Group.BLS12_381_G1, where));
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
            if (!root.publicKey().toHex().equals(f.string("publicKey"))) {
                throw corrupt(where, "its publicKey is not the key of its commitments");
            }
            return root;
        } catch (LitProtocolException | ThresholdException | LitNodeException e) {
            throw corrupt(where, e.getMessage());
        }
    }

    static PkpKeyShare readPkp(Path file) {
        String where = "key share file " + file.getFileName();
        try {
            JsonFields f = fields(SecretFiles.read(file), where, PKP_FIELDS, "pkp");
            byte[] secret = Hex.decodeExact(f.string("secretShare"), 32, where + " secretShare");
            PkpKeyShare pkp;
            try {
                pkp = PkpKeyShare.of(Share.of(identifier(f), SecretScalar.of(Group.SECP256K1, secret)),
                        commitments(f, Group.SECP256K1, where));
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
            if (!pkp.tokenId().equals(f.string("tokenId")) || !pkp.publicKey().hex().equals(f.string("publicKey"))) {
                throw corrupt(where, "its tokenId or publicKey is not that of its commitments");
            }
            return pkp;
        } catch (LitProtocolException | ThresholdException | LitNodeException e) {
            throw corrupt(where, e.getMessage());
        }
    }

    private static JsonFields fields(String text, String where, Set<String> known, String kind) {
        JsonFields f = new JsonFields(JsonReader.parseObject(text, LitErrorCode.NodeSystemFault, where),
                LitErrorCode.NodeSystemFault, where).onlyKnown(known);
        if (f.integer("version") != 1 || !f.string("kind").equals(kind)) {
            throw f.fail("is not a version-1 " + kind + " key share");
        }
        return f;
    }

    private static int identifier(JsonFields f) {
        long id = f.integer("identifier");
        if (id < 1 || id > 255) {
            throw f.fail("has identifier " + id + " outside 1..255");
        }
        return (int) id;
    }

    private static JsonValue commitmentsJson(FeldmanCommitments c) {
        List<JsonValue> items = new ArrayList<>();
        for (GroupElement e : c.coefficients()) {
            items.add(new JsonValue.JsonString(e.toBytes().hex()));
        }
        return new JsonValue.JsonArray(items);
    }

    private static FeldmanCommitments commitments(JsonFields f, Group group, String where) {
        List<GroupElement> out = new ArrayList<>();
        for (JsonValue v : f.array("commitments")) {
            if (!(v instanceof JsonValue.JsonString s)) {
                throw f.fail("has a commitment that is not a string");
            }
            out.add(group.decode(Bytes.fromHex(s.value(), where + " commitment")));
        }
        return new FeldmanCommitments(out);
    }

    private static LitNodeException corrupt(String where, String problem) {
        return new LitNodeException(LitErrorCode.NodeSystemFault, where + " is unusable: " + problem);
    }
}
