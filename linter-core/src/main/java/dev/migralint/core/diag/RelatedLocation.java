package dev.migralint.core.diag;

/** A second place that explains a finding, such as the earlier index a duplicate repeats. */
public record RelatedLocation(Location location, String message) {
}
