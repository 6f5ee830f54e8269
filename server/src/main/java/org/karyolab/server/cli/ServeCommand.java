package org.karyolab.server.cli;

import org.karyolab.server.KaryoLabServer;
import org.karyolab.server.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the KaryoLab server until stopped (Ctrl-C).")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    ServerOptions options;

    @Override
    public Integer call() throws InterruptedException {
        KaryoLabServer server = KaryoLabServer.start(options.settings(), ServeCommand::announceFirstAdmin);
        System.out.println("KaryoLab server: " + server.url() + "  (health: " + server.url() + "/observe/health)");
        return awaitShutdown(server);
    }

    /**
     * On an empty database, creates the admin account: with KARYOLAB_ADMIN_PASSWORD when set,
     * else with a random password printed here, once.
     */
    static void announceFirstAdmin(Services services) {
        services.auth().ensureFirstAdmin(FIRST_ADMIN, System.getenv("KARYOLAB_ADMIN_PASSWORD")).ifPresent(password ->
                System.out.println("Created the first admin: user '" + FIRST_ADMIN + "', password '" + password
                        + "' (shown once; set KARYOLAB_ADMIN_PASSWORD to choose it)"));
    }

    static final String FIRST_ADMIN = "admin";

    /** Blocks until the JVM is asked to stop, then closes the server in order. */
    static int awaitShutdown(KaryoLabServer server) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "karyolab-shutdown"));
        stopped.await();
        return 0;
    }
}
