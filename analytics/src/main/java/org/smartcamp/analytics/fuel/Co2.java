package org.smartcamp.analytics.fuel;

/** Carbon dioxide from diesel burned: litres times {@code co2KgPerLitre} (2.68 kg/L by default, CO2 only). */
public final class Co2 {
    private final double kgPerLitre;

    public Co2(FuelSettings settings) {
        this.kgPerLitre = settings.get(FuelSetting.CO2_KG_PER_LITRE);
    }

    /** Kilograms of CO2 from {@code litres} burned; NaN stays NaN (no data is not zero emissions). */
    public double kilograms(double litres) {
        return litres * kgPerLitre;
    }
}
