package org.samed2d.explorer.search;

import java.util.Optional;

/** The fields users pick values of; each is a request parameter and a facet of the same name. */
public enum FacetDimension {
    MODALITY("modality"), SUBMODALITY("submodality"), DATASET("dataset"), LABEL("label"), REGION("region"),
    AXIS("axis");

    /** The facet value of images whose release name says {@code 00}: no sub-modality. */
    public static final String NO_SUBMODALITY = "none";

    private final String parameter;

    FacetDimension(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static Optional<FacetDimension> ofParameter(String name) {
        for (FacetDimension dimension : values()) {
            if (dimension.parameter.equals(name)) {
                return Optional.of(dimension);
            }
        }
        return Optional.empty();
    }
}
