package org.samed2d.explorer.catalog;

/** A write to the catalog failed; the transaction was rolled back and nothing of the batch is stored. */
public class CatalogWriteException extends RuntimeException {

    public CatalogWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
