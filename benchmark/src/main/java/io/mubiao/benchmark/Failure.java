package io.mubiao.benchmark;

/** A step that cannot go on, with a message that says why in the user's terms; the main prints it and exits 1. */
final class Failure extends RuntimeException {

    Failure(String message) {
        super(message);
    }

    Failure(String message, Throwable cause) {
        super(message, cause);
    }
}
