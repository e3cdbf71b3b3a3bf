package org.faithbot.chatbot.system.instance;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.info.GitProperties;
import org.springframework.stereotype.Component;

/**
 * The {@code git} part of {@code /actuator/info}, flat: {@code git.commit.id} is the full commit id
 * as a string (Spring Boot's simple mode shows only the abbreviated id, its full mode turns
 * {@code commit.id} into an object), with {@code git.commit.abbrev}, {@code git.commit.time},
 * {@code git.branch} and {@code git.dirty}. Absent when the build had no git information.
 * Replaces Boot's contributor ({@code management.info.git.enabled=false}).
 */
@Component
class GitCommitInfoContributor implements InfoContributor {

    private final ObjectProvider<GitProperties> gitProperties;

    GitCommitInfoContributor(ObjectProvider<GitProperties> gitProperties) {
        this.gitProperties = gitProperties;
    }

    @Override
    public void contribute(Info.Builder builder) {
        GitProperties git = this.gitProperties.getIfAvailable();
        if (git == null || git.getCommitId() == null) {
            return;
        }
        Map<String, Object> commit = new LinkedHashMap<>();
        commit.put("id", git.getCommitId());
        commit.put("abbrev", git.getShortCommitId());
        if (git.getCommitTime() != null) {
            commit.put("time", git.getCommitTime().toString());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("commit", commit);
        if (git.getBranch() != null) {
            details.put("branch", git.getBranch());
        }
        if (git.get("dirty") != null) {
            details.put("dirty", Boolean.parseBoolean(git.get("dirty")));
        }
        builder.withDetail("git", details);
    }
}
