package org.samed2d.explorer.ui.datasets;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import java.util.List;
import java.util.stream.Collectors;
import org.samed2d.explorer.search.ImagePage;
import org.samed2d.explorer.ui.base.Counted;

/** A few of the dataset's images with their masks drawn in, each opening the image page. */
class DatasetSamples extends Div {

    static final int SAMPLES = 8;

    DatasetSamples(String dataset, List<ImagePage.ImageHit> hits) {
        addClassName("dataset-samples");
        add(new H3("Sample images"));
        Div strip = new Div();
        strip.addClassName("sample-strip");
        for (ImagePage.ImageHit hit : hits) {
            String masks = hit.maskIds().stream().limit(200).map(id -> "&mask=" + id).collect(Collectors.joining());
            Image thumbnail = new Image("/api/v1/images/" + hit.imageId() + "/thumbnail?size=160" + masks,
                    "Image " + hit.imageId() + " of " + dataset + " with " + Counted.of(hit.maskIds().size(), "mask"));
            thumbnail.getElement().setAttribute("loading", "lazy");
            Anchor link = new Anchor("image/" + hit.imageId() + "?dataset=" + java.net.URLEncoder.encode(dataset,
                    java.nio.charset.StandardCharsets.UTF_8), thumbnail);
            link.addClassName("sample");
            strip.add(link);
        }
        add(strip);
    }
}
