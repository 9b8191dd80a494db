package io.mubiao.messaging.deadletter;

/** A record that cannot be applied whatever is tried again: its message is the dead letter's reason. */
public class Unreadable extends Exception {

    public Unreadable(String reason) {
        super(reason, null, false, false);
    }
}
