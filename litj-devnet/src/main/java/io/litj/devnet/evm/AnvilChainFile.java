package io.litj.devnet.evm;

import io.litj.node.LitNodeException;
import io.litj.node.registry.EvmContracts;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The chain of an anvil devnet as its data folder records it ({@value #FILE_NAME}): anvil's JSON-RPC URL and the
 * contracts object of {@code litj devnet up --json} (the Lit contracts SDK's custom-context shape,
 * {@code {"Staking": {"address": "0x…"}, …}}, with the zero address for Lit contracts litj does not deploy). Its
 * presence marks the folder as an anvil devnet's; the CLI's transactions ({@code litj pkp mint} …) read it.
 *
 * @param rpcUrl anvil's JSON-RPC URL
 * @param contracts litj's contracts on it
 */
public record AnvilChainFile(URI rpcUrl, EvmContracts contracts) {
    /** The file's name in the data folder. */
    public static final String FILE_NAME = "contracts.json";
    /** Lit contracts the contracts SDK names in its context that litj does not deploy. */
    public static final List<String> NOT_DEPLOYED = List.of("Allowlist", "LITToken", "Multisender", "PKPNFTMetadata",
            "StakingBalances");
    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
    private static final int MAX_BYTES = 64 * 1024;

    /** The file of the devnet in {@code dataDir}. */
    public static Path in(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /**
     * The contracts object in the contracts SDK's custom-context shape: litj's six contracts, then the zero address
     * for each of {@link #NOT_DEPLOYED} (the SDK's {@code connect()} requires them named; any call to them fails).
     */
    public JsonValue.JsonObject contractsJson() {
        JsonValue.ObjectBuilder b = JsonValue.object();
        contracts.byLitName().forEach((name, address) -> b.put(name, JsonValue.object().put("address", address)
                .build()));
        NOT_DEPLOYED.forEach(name -> b.put(name, JsonValue.object().put("address", ZERO_ADDRESS).build()));
        return b.build();
    }

    /** Writes the file into {@code dataDir}. */
    public void write(Path dataDir) throws IOException {
        Files.writeString(in(dataDir), JsJson.stringify(JsonValue.object().put("chain", "anvil")
                .put("rpcUrl", rpcUrl.toString()).put("contracts", contractsJson()).build()));
    }

    /**
     * The chain recorded in {@code dataDir}, or empty if the folder holds no anvil devnet.
     *
     * @throws LitNodeException {@code InvalidArgument} if the file is unreadable or not what a devnet writes
     */
    public static Optional<AnvilChainFile> read(Path dataDir) {
        Path file = in(dataDir);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw bad(file, "it is larger than " + MAX_BYTES + " bytes");
            }
            JsonValue.JsonObject doc = JsonReader.parseObject(Files.readString(file), LitErrorCode.InvalidArgument,
                    file.toString());
            URI rpc = URI.create(text(doc, "rpcUrl", file));
            JsonValue.JsonObject c = doc.get("contracts").filter(JsonValue.JsonObject.class::isInstance)
                    .map(JsonValue.JsonObject.class::cast).orElseThrow(() -> bad(file, "it has no contracts object"));
            return Optional.of(new AnvilChainFile(rpc, new EvmContracts(address(c, "Staking", file),
                    address(c, "PubkeyRouter", file), address(c, "PKPNFT", file), address(c, "PKPPermissions", file),
                    address(c, "RateLimitNFT", file), address(c, "PKPHelper", file))));
        } catch (IOException e) {
            throw bad(file, e.getMessage());
        } catch (LitProtocolException | IllegalArgumentException e) {
            throw bad(file, e.getMessage());
        }
    }

    private static EthAddress address(JsonValue.JsonObject contracts, String name, Path file) {
        JsonValue.JsonObject entry = contracts.get(name).filter(JsonValue.JsonObject.class::isInstance)
                .map(JsonValue.JsonObject.class::cast).orElseThrow(() -> bad(file, "it names no " + name));
        return EthAddress.parse(text(entry, "address", file), name);
    }

    private static String text(JsonValue.JsonObject o, String field, Path file) {
        return o.get(field).filter(JsonValue.JsonString.class::isInstance).map(v -> ((JsonValue.JsonString) v).value())
                .orElseThrow(() -> bad(file, "it has no " + field));
    }

    private static LitNodeException bad(Path file, String why) {
        return new LitNodeException(LitErrorCode.InvalidArgument, "cannot read the anvil devnet's " + file + ": "
                + why);
    }
}
