// Allure 3 configuration of the launch-readiness report (run from the project root by bin/*).
// Behaviours are grouped by user story (epic), criterion (feature) and scenario (story).
export default {
  name: "Faith motivator: launch readiness",
  output: "reports/launch-readiness/report",
  historyPath: "reports/launch-readiness/history.jsonl",
  plugins: {
    awesome: {
      options: {
        reportName: "Faith motivator: launch readiness",
        singleFile: false,
        reportLanguage: "en",
        groupBy: ["epic", "feature", "story"],
      },
    },
  },
};
