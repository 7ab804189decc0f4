package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.node.actions.IpfsCid;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A Lit Action that authorizes the request comes as code alone: code and an IPFS id together, or an IPFS id alone
 * (this network has no IPFS gateway to fetch code by id), are {@code NodeInvalidIPFSID}. Records the action's CID,
 * CIDv0 of the code computed here (never taken from the client, {@code lit-node-behaviour.md} §10 item 14), so that
 * {@code PkpPermissionCheck} can look for it before the action runs.
 */
final class ActionSourceCheck implements SessionKeyCheck {
    @Override
    public void check(SessionKeyState state) {
        SessionKeyRequest request = state.request();
        if (request.litActionCode().isPresent() && request.litActionIpfsId().isPresent()) {
            throw new LitNodeException(LitErrorCode.NodeInvalidIPFSID,
                    "send either code or litActionIpfsId, not both");
        }
        if (request.litActionIpfsId().isPresent()) {
            throw new LitNodeException(LitErrorCode.NodeInvalidIPFSID, "litActionIpfsId "
                    + Text.cut(request.litActionIpfsId().get()) + " cannot be fetched: this network has no IPFS "
                    + "gateway; send the action as code (base64)");
        }
        state.actionCid = request.litActionCode().map(code -> IpfsCid.v0(code.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Set<LitErrorCode> codes() {
        return Set.of(LitErrorCode.NodeInvalidIPFSID);
    }
}
