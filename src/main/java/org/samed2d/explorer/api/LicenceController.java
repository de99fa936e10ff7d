package org.samed2d.explorer.api;

import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.SourceDataset;
import org.samed2d.explorer.catalog.SourceDatasets;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A source dataset's licence and citation; admins correct them (the filter chain checks the role). */
@RestController
class LicenceController {

    private final SourceDatasets sources;

    LicenceController(SourceDatasets sources) {
        this.sources = sources;
    }

    @Operation(summary = "What is known of a source dataset's licence, redistributability and citation")
    @GetMapping("/api/v1/datasets/{name}/licence")
    SourceDataset licence(@PathVariable String name) {
        return sources.of(name).orElseThrow(() -> new NotFoundException("source dataset", name));
    }

    /** @param redistributable yes, no, conditional or unknown */
    record Correction(@Nullable String licence, @Nullable String redistributable, @Nullable String citation) {
    }

    @Operation(summary = "Drop the correction of a source dataset's licence (admin): the shipped table applies again")
    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/datasets/{name}/licence")
    org.springframework.http.ResponseEntity<Void> revert(@PathVariable String name) {
        sources.revert(name);
        return org.springframework.http.ResponseEntity.noContent().build();
    }

    @Operation(summary = "Correct a source dataset's licence (admin); exports from now on carry the correction")
    @PutMapping("/api/v1/datasets/{name}/licence")
    SourceDataset correct(@PathVariable String name, @RequestBody Correction correction, Authentication authentication) {
        return sources.correct(name, correction.licence() == null ? "" : correction.licence(),
                correction.redistributable() == null ? "" : correction.redistributable(), correction.citation(),
                authentication.getName());
    }
}
