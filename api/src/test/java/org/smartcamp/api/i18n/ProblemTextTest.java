package org.smartcamp.api.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTextTest {
    private final ProblemText text = ProblemText.load();

    @Test
    void titlesAndDetailsAreInFrenchWhenAskedAndUnchangedInEnglish() {
        assertThat(text.title("fr", "Invalid parameter")).isEqualTo("Paramètre invalide");
        assertThat(text.title("en", "Invalid parameter")).isEqualTo("Invalid parameter");
        assertThat(text.detail("fr", "the API key is not valid")).isEqualTo("la clé d’API n’est pas valide");
        assertThat(text.detail("fr", "parameter 'limit' must be a whole number from 1 to 10000; got 'x'"))
            .isEqualTo("paramètre « limit » : doit être un nombre entier de 1 à 10000 ; reçu « x »");
        assertThat(text.detail("fr", "parameter 'cursor' is given more than once; give it once (lists are "
            + "comma-separated)")).startsWith("paramètre « cursor » : est donné plusieurs fois");
        assertThat(text.detail("fr", "asset 'g1' does not exist in camp 'juba1'"))
            .isEqualTo("asset « g1 » n’existe pas dans le camp « juba1 »");
        assertThat(text.detail("fr", "rate limit exceeded; retry after 3 s"))
            .isEqualTo("limite de débit dépassée ; réessayez dans 3 s");
        assertThat(text.detail("en", "the API key is not valid")).isEqualTo("the API key is not valid");
    }

    @Test
    void aDetailTheBundleDoesNotKnowStaysInEnglishAndAnUnknownTitleToo() {
        assertThat(text.detail("fr", "something new went wrong")).isEqualTo("something new went wrong");
        assertThat(text.title("fr", "Gone fishing")).isEqualTo("Gone fishing");
    }

    @Test
    void theLanguageFollowsAcceptLanguage() {
        assertThat(Messages.negotiate("fr-CA,fr;q=0.9,en;q=0.8")).isEqualTo("fr");
        assertThat(Messages.negotiate("de-DE, en;q=0.5, fr;q=0.7")).isEqualTo("fr");
        assertThat(Messages.negotiate("de")).isEqualTo("en");
        assertThat(Messages.negotiate(null)).isEqualTo("en");
        assertThat(Messages.negotiate(";;;q=x")).isEqualTo("en");
    }
}
