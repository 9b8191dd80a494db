package io.mubiao.report;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.mubiao.testinfra.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real SMTP server (GreenMail) on a free loopback port for a test run; the mailer is pointed at it. */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;

    @Override
    public synchronized Map<String, String> start() {
        int port = FreePort.find();
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(port),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.mock", "false");
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** The running server, to read what it received. */
    public static GreenMail server() {
        return server;
    }
}
