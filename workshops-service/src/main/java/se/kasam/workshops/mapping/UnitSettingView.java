package se.kasam.workshops.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UnitSetting")
public record UnitSettingView(String unitCode, String placeName, Double latitude, Double longitude,
                              int awayCapPercent,
                              @Schema(description = "False: nothing set for the unit, the default cap applies") boolean set,
                              int version) {
}
