package org.faithbot.chatbot.system.instance;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.info.GitProperties;

import static org.assertj.core.api.Assertions.assertThat;

class GitCommitInfoContributorTest {

    @Test
    void showsTheFullCommitIdAsGitCommitId() {
        Properties properties = new Properties();
        properties.setProperty("commit.id", "2e55aa4790d879758d6a296a408dfc840895443b");
        properties.setProperty("commit.id.abbrev", "2e55aa4");
        properties.setProperty("commit.time", "2026-11-24T18:55:45Z");
        properties.setProperty("branch", "main");
        properties.setProperty("dirty", "false");
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("gitProperties", new GitProperties(properties));

        Info.Builder builder = new Info.Builder();
        new GitCommitInfoContributor(beans.getBeanProvider(GitProperties.class)).contribute(builder);

        @SuppressWarnings("unchecked")
        Map<String, Object> git = (Map<String, Object>) builder.build().getDetails().get("git");
        assertThat(git).containsEntry("branch", "main").containsEntry("dirty", false);
        assertThat(git.get("commit")).isEqualTo(Map.of("id", "2e55aa4790d879758d6a296a408dfc840895443b", "abbrev",
                "2e55aa4", "time", "2026-11-24T18:55:45Z"));
    }

    @Test
    void showsNothingWithoutGitInformation() {
        Info.Builder builder = new Info.Builder();
        new GitCommitInfoContributor(new StaticListableBeanFactory().getBeanProvider(GitProperties.class))
            .contribute(builder);
        assertThat(builder.build().getDetails()).doesNotContainKey("git");
    }
}
