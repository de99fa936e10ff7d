package org.samed2d.explorer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The shape of a synthetic release: real dataset names and modality strings, a skewed (Zipf-like) number of images
 * per dataset, hundreds of labels, several masks per image, realistic image sizes. Deterministic for a seed.
 */
final class SyntheticRelease {

    record Dataset(String name, String modality, int axisCount, List<String> labels, int width, int height) {
    }

    static final String[][] DATASETS = {
            {"AMOS2022", "ct_00"}, {"Totalsegmentator_dataset", "ct_00"}, {"WORD", "ct_00"}, {"KiTS", "ct_00"},
            {"LUNA16", "ct_00"}, {"CAD_PE", "ct_00"}, {"MSD_Liver", "ct_00"}, {"MSD_Pancreas", "ct_00"},
            {"MSD_Spleen", "ct_00"}, {"MSD_Colon", "ct_00"}, {"MSD_Lung", "ct_00"}, {"ISLES_SPES", "ct_cbf"},
            {"ISLES2018", "ct_tmax"}, {"ACDC", "mr_00"}, {"BraTS2021", "mr_t1"}, {"BraTS2021", "mr_flair"},
            {"BraTS2020", "mr_t2"}, {"MSD_Prostate", "mr_adc"}, {"MSD_Heart", "mr_00"}, {"MSD_Hippocampus", "mr_00"},
            {"PROMISE12", "mr_t2w"}, {"ISLES2022", "mr_dwi"}, {"CHAOS_MRI", "mr_t1"}, {"MnM2", "mr_cmr"},
            {"autoPET", "pet_00"}, {"HECKTOR2022", "pet_00"}, {"CAMUS", "ultrasound_00"},
            {"BUSI", "ultrasound_00"}, {"covid_19_ct_cxr", "x_ray"}, {"Montgomery", "x_ray"},
            {"kvasir_seg", "endoscopy_00"}, {"CVC_ClinicDB", "endoscopy_00"}, {"isic2018_task1", "dermoscopy_00"},
            {"isic2016_task1", "dermoscopy_00"}, {"ichallenge_adam_task2", "fundus_photography"},
            {"DRIVE", "fundus_photography"}, {"Brain_PTM", "mr_dwi"}, {"QUBIQ2020", "ct_00"},
            {"MoNuSeg", "microscopy_00"}, {"GlaS", "histopathology_00"}};
    static final String[] ORGANS = {"liver", "spleen", "kidney_left", "kidney_right", "aorta",
            "inferior_vena_cava", "pancreas", "stomach", "gallbladder", "esophagus", "heart", "lung_left", "lung_right",
            "colon", "small_bowel", "duodenum", "bladder", "prostate", "rectum", "femur_left", "femur_right",
            "brain", "tumor", "edema", "necrosis", "left_ventricle", "right_ventricle", "myocardium", "polyp",
            "lesion", "optic_disc", "optic_cup", "vessel", "nucleus", "gland", "hippocampus_anterior",
            "hippocampus_posterior", "trachea", "thyroid", "adrenal_gland_left", "adrenal_gland_right"};
    private static final int[][] SIZES = {{512, 512}, {512, 512}, {512, 512}, {320, 290}, {256, 256}, {640, 480},
            {384, 384}, {258, 181}, {448, 448}};

    final List<Dataset> datasets = new ArrayList<>();
    private final double[] cumulativeWeight;

    SyntheticRelease(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        java.util.Map<String, List<String>> labelsByName = new java.util.HashMap<>();
        double total = 0;
        cumulativeWeight = new double[DATASETS.length];
        for (int i = 0; i < DATASETS.length; i++) {
            String modality = DATASETS[i][1];
            boolean volume = modality.startsWith("ct") || modality.startsWith("mr") || modality.startsWith("pet");
            int labelCount = 2 + random.nextInt(volume ? 28 : 4);
            List<String> labels = new ArrayList<>();
            for (int l = 0; l < labelCount; l++) {
                String organ = ORGANS[random.nextInt(ORGANS.length)];
                labels.add(labels.contains(organ) ? organ + "_" + l : organ);
            }
            int[] size = SIZES[random.nextInt(SIZES.length)];
            // A dataset listed with two modalities (BraTS) keeps one class list: ids are per dataset.
            List<String> shared = labelsByName.computeIfAbsent(DATASETS[i][0], name -> List.copyOf(labels));
            datasets.add(new Dataset(DATASETS[i][0], modality, volume ? 3 : 0, shared, size[0], size[1]));
            total += 1.0 / (i + 1);
            cumulativeWeight[i] = total;
        }
        for (int i = 0; i < cumulativeWeight.length; i++) {
            cumulativeWeight[i] /= total;
        }
    }

    /** Picks a dataset with Zipf-like skew: the first has the most images. */
    Dataset pick(SplittableRandom random) {
        double u = random.nextDouble();
        for (int i = 0; i < cumulativeWeight.length; i++) {
            if (u <= cumulativeWeight[i]) {
                return datasets.get(i);
            }
        }
        return datasets.getLast();
    }
}
