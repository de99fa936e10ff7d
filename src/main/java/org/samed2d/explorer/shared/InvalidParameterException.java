package org.samed2d.explorer.shared;

/**
 * A request value a feature cannot use. The message starts with the parameter's (or field's) name and says what is
 * wrong, so every adapter can show it as it is: the REST API as a 400 naming the parameter.
 */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String problem) {
        super(parameter + ": " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
