package org.samed2d.explorer.segment;

/** An ONNX model whose inputs or outputs are not those its profile expects; the message says which and how. */
public class ModelInterfaceException extends RuntimeException {

    public ModelInterfaceException(String message) {
        super(message);
    }

    public ModelInterfaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
