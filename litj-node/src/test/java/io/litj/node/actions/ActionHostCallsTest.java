package io.litj.node.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The prelude's hosted functions: each call reaches the host with its name and argument JSON; {@code pubkeyToTokenId}
 * answers directly, the others with promises; refusals, failures and oversized arguments become rejected promises
 * (or a thrown error) inside the action, never a host exception.
 */
class ActionHostCallsTest {
    private static final ActionHost ECHO = (name, args) -> {
        if (args.contains("refuse")) {
            throw new ActionHostException("refused here");
        }
        if (args.contains("crash")) {
            throw new IllegalStateException("secret detail");
        }
        return "\"" + name + "\"";
    };

    private static String run(String code) {
        return SharedRuntime.get().run(ActionRequest.of(code), ECHO).response();
    }

    @Test
    void pubkeyToTokenId_answersDirectly_otherFunctionsWithPromises() {
        assertEquals("pubkeyToTokenId object getPermittedActions", run("""
                (async () => {
                  const direct = Lit.Actions.pubkeyToTokenId({publicKey: '0x04'});
                  const promise = Lit.Actions.isPermittedAction({tokenId: '1', ipfsId: 'Qm'});
                  LitActions.setResponse({response: direct + ' ' + typeof promise + ' '
                      + await Lit.Actions.getPermittedActions({tokenId: '1'})});
                })();"""));
    }

    @Test
    void hostRefusalOrFailure_rejectsWithTheRefusalOrInternalError() {
        assertEquals("LitActions.isPermittedAddress: refused here|LitActions.signAndCombineEcdsa: internal error"
                + "|LitActions.pubkeyToTokenId: refused here", run("""
                (async () => {
                  const out = [];
                  try { await Lit.Actions.isPermittedAddress({tokenId: 'refuse'}); } catch (e) { out.push(e.message); }
                  try { await Lit.Actions.signAndCombineEcdsa({sigName: 'crash'}); } catch (e) { out.push(e.message); }
                  try { Lit.Actions.pubkeyToTokenId({publicKey: 'refuse'}); } catch (e) { out.push(e.message); }
                  LitActions.setResponse({response: out.join('|')});
                })();"""));
    }

    @Test
    void argumentsOverTheBound_areRefusedBeforeTheHost() {
        assertEquals("LitActions.getPermittedActions: arguments longer than 1048576 characters as JSON", run("""
                (async () => {
                  try {
                    await Lit.Actions.getPermittedActions({tokenId: 'x'.repeat(1 << 20)});
                  } catch (e) {
                    LitActions.setResponse({response: e.message});
                  }
                })();"""));
    }
}
