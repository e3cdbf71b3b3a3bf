package org.faithbot.verification.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/** The SBOM check names a library the jar ships that the SBOM leaves out, and reads classifiers from package URLs. */
class ServiceSbomTest {

    @Test
    void aComponentsFileNameCarriesItsClassifier() throws Exception {
        var component = new ObjectMapper().readTree("""
                {"name": "netty-transport-native-epoll", "version": "4.2.15.Final",
                 "purl": "pkg:maven/io.netty/netty-transport-native-epoll@4.2.15.Final?classifier=linux-x86_64&type=jar"}""");
        assertThat(ServiceSbom.fileName(component)).isEqualTo("netty-transport-native-epoll-4.2.15.Final-linux-x86_64.jar");
    }

    @Test
    void aLibraryMissingFromTheSbomIsNamed(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("service.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Sbom-Location", "META-INF/sbom/application.cdx.json");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            write(out, "META-INF/sbom/application.cdx.json", """
                    {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [
                      {"name": "jackson-core", "version": "2.21.4", "purl": "pkg:maven/com.fasterxml.jackson.core/jackson-core@2.21.4?type=jar"}]}""");
            write(out, "BOOT-INF/lib/jackson-core-2.21.4.jar", "x");
            write(out, "BOOT-INF/lib/log4j-core-2.14.1.jar", "x");
            write(out, "BOOT-INF/lib/spring-boot-jarmode-tools-4.0.7.jar", "x");
        }
        ServiceSbom sbom = ServiceSbom.of(jar);
        assertThat(sbom.format()).isEqualTo("CycloneDX 1.6");
        assertThat(sbom.libraries()).hasSize(3);
        assertThat(sbom.unlisted()).as("the repackager's tools count only with spring-boot of their version")
                .containsExactly("log4j-core-2.14.1.jar", "spring-boot-jarmode-tools-4.0.7.jar");
        assertThat(sbom.complete()).isFalse();
    }

    @Test
    void theRepackagersToolsAreCoveredBySpringBootOfTheSameVersion() {
        assertThat(ServiceSbom.repackagerTool("spring-boot-jarmode-tools-4.0.7.jar", java.util.Set.of("spring-boot-4.0.7.jar"))).isTrue();
        assertThat(ServiceSbom.repackagerTool("spring-boot-jarmode-tools-4.0.7.jar", java.util.Set.of("spring-boot-4.0.6.jar"))).isFalse();
    }

    private static void write(JarOutputStream out, String name, String text) throws Exception {
        out.putNextEntry(new JarEntry(name));
        OutputStream body = out;
        body.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
