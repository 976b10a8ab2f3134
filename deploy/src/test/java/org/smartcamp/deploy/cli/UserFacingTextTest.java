package org.smartcamp.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smartcamp.deploy.testsupport.ProjectFiles;
import picocli.CommandLine;

/**
 * What a new user reads, README.md, docs/ and the launcher's help, points only at what is there: every relative link
 * names a file of the repository, nothing cites a document that is not in it (DOMAIN.md) or "the issue", and no text
 * says the OpenAPI document is open (it needs a credential like every route but health).
 */
class UserFacingTextTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsNamesAFileThatExists() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1);
                if (!target.contains("://") && !target.startsWith("mailto:")
                    && !Files.exists(page.getParent().resolve(target))) {
                    broken.add(ProjectFiles.root().relativize(page) + " -> " + target);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void nothingCitesADocumentOutsideTheRepositoryOrTheIssue() throws IOException {
        for (Path page : pages()) {
            assertThat(Files.readString(page)).as("%s", page).doesNotContain("DOMAIN.md").doesNotContain("the issue");
        }
    }

    @Test
    void noHelpTextNorTheReadmeSaysTheOpenApiDocumentIsOpen() throws IOException {
        // Help and markdown wrap their lines: compare the words.
        String api = new CommandLine(new SmartCamp()).getSubcommands().get("api").getUsageMessage()
            .replaceAll("\\s+", " ");
        String readme = Files.readString(ProjectFiles.root().resolve("README.md")).replaceAll("\\s+", " ");

        assertThat(api).contains("OpenAPI document need").doesNotContainPattern("OpenAPI document (are|is) open");
        assertThat(readme).doesNotContainPattern("OpenAPI document (are|is) open");
    }

    private static List<Path> pages() throws IOException {
        Path root = ProjectFiles.root();
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            List<Path> pages = new ArrayList<>(docs.filter(p -> p.toString().endsWith(".md")).toList());
            pages.add(root.resolve("README.md"));
            return pages;
        }
    }
}
