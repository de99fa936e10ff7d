package org.samed2d.explorer.release;

import java.io.IOException;

/** An archive entry refused before it is read: its declared size is larger than any release file or cannot be true. */
public class UnsafeEntryException extends IOException {

    public UnsafeEntryException(String message) {
        super(message);
    }
}
