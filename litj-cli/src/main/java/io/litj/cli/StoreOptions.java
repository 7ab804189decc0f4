package io.litj.cli;

import io.litj.client.FileSessionStore;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens the CLI's session store folder: {@code --store}, else {@code $LITJ_HOME/sessions}, encrypted under
 * {@code $LITJ_STORE_PASSPHRASE} when it is set and non-empty.
 */
final class StoreOptions {
    private StoreOptions() {
    }

    /** The folder used when {@code --store} is not given. */
    static Path defaultFolder() {
        return LitjHome.dir().resolve("sessions");
    }

    /** The store in {@code folder} (null: the default), plain or encrypted as the environment says. */
    static FileSessionStore open(Path folder, Map<String, String> environment) {
        Path dir = folder != null ? folder : defaultFolder();
        String passphrase = environment.get(WalletOptions.STORE_PASSPHRASE_VARIABLE);
        if (passphrase != null && !passphrase.isEmpty()) {
            return FileSessionStore.encrypted(dir, passphrase.toCharArray());
        }
        return new FileSessionStore(dir);
    }
}
