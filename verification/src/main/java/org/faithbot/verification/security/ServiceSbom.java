package org.faithbot.verification.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The software bill of materials the service jar carries (Spring Boot's build writes a CycloneDX
 * document into it and names it in the manifest's {@code Sbom-Location}), held against the
 * libraries the jar actually ships under {@code BOOT-INF/lib/}: an SBOM that misses one would let
 * its vulnerabilities pass every scan of the SBOM.
 *
 * @param location   where the manifest says the SBOM is, inside the jar
 * @param format     bomFormat (CycloneDX) and specVersion
 * @param components how many components the SBOM lists
 * @param libraries  the jar files under BOOT-INF/lib/
 * @param unlisted   those of them no component of the SBOM names
 */
public record ServiceSbom(String location, String format, int components, List<String> libraries, List<String> unlisted) {

    private static final String LIB = "BOOT-INF/lib/";

    public static ServiceSbom of(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            String location = file.getManifest() == null ? null : file.getManifest().getMainAttributes().getValue("Sbom-Location");
            if (location == null || file.getEntry(location) == null) {
                throw new IllegalStateException(jar + " carries no SBOM (no Sbom-Location in its manifest, or no such entry)");
            }
            JsonNode bom = new ObjectMapper().readTree(file.getInputStream(file.getEntry(location)));
            Set<String> named = new HashSet<>();
            bom.path("components").forEach(component -> named.add(fileName(component)));
            List<String> libraries = Collections.list(file.entries()).stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith(LIB) && name.endsWith(".jar")).map(name -> name.substring(LIB.length())).sorted().toList();
            List<String> unlisted = libraries.stream().filter(library -> !named.contains(library) && !repackagerTool(library, named)).toList();
            return new ServiceSbom(location, bom.path("bomFormat").asText() + " " + bom.path("specVersion").asText(), bom.path("components").size(),
                    libraries, unlisted);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SBOM of " + jar, e);
        }
    }

    /**
     * Spring Boot's repackager adds its own jar-mode tools (spring-boot-jarmode-tools-V.jar, what
     * {@code -Djarmode=tools} runs to extract the jar) without it being a dependency: it is covered by
     * the spring-boot component of the same version, when the SBOM lists that one.
     */
    static boolean repackagerTool(String library, Set<String> named) {
        String prefix = "spring-boot-jarmode-tools-";
        return library.startsWith(prefix) && named.contains("spring-boot-" + library.substring(prefix.length()));
    }

    /** The jar file name a component stands for: name-version[-classifier].jar, the classifier from its package URL. */
    static String fileName(JsonNode component) {
        String purl = component.path("purl").asText("");
        String classifier = "";
        int query = purl.indexOf('?');
        if (query >= 0) {
            for (String pair : purl.substring(query + 1).split("&")) {
                if (pair.startsWith("classifier=")) {
                    classifier = "-" + URLDecoder.decode(pair.substring("classifier=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        return component.path("name").asText() + "-" + component.path("version").asText() + classifier + ".jar";
    }

    public boolean complete() {
        return !libraries.isEmpty() && unlisted.isEmpty();
    }
}
