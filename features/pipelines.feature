@static @local @staging
Feature: The CI/CD pipelines validate, deploy, coordinate and secure every change
  The GitHub workflows under .github/workflows, the composite action that applies Terraform and the
  scripts they run are read as data and held against policy rules, one set per criterion, and every
  workflow is linted with actionlint. A violation names the file, the job and step, and the key at
  fault.

  These rules show that a step, a scanner or a gate is wired into the pipelines. Whether it passes is
  only known when GitHub runs it: CodeQL, Checkov, Trivy, SpotBugs, dependency review, terraform plan
  and the deployments themselves run in GitHub Actions, never here, and nothing in this report says
  they passed. The specs do not need a running target.

  The jobs that run the launch-verification harness against AWS are read as an SRE would run them: which
  scenarios each step selects (its tag filter at its defaults, as bin/setup.sh completes it), the AWS calls
  those scenarios make (verification/src/main/resources/policy/harness-aws-calls.yaml), and whether the role
  the job assumes, as Terraform writes it, allows them; what they may change (@destructive) and where.

  Background:
    Given the repository's workflows, composite actions and scripts, read as data

  @AC-2.1
  Scenario: Pull requests that change the infrastructure get a Terraform plan, never an apply
    Then the pipelines hold to these rules of AC-2.1:
      | rule                       | what it checks                                              |
      | infra-ci-on-pull-requests  | Infrastructure CI runs on pull requests touching terraform/ |
      | infra-ci-fmt-validate-plan | fmt -check, validate, and a plan with the read-only role    |
      | infra-ci-never-applies     | no apply, no apply action, no deploy role, no environment   |

  @AC-2.2
  Scenario: Pull requests that change the application run the tests, a coverage gate and CodeQL
    Then the pipelines hold to these rules of AC-2.2:
      | rule                                     | what it checks                                                                                             |
      | app-ci-runs-the-test-command             | bin/test runs on every application pull request                                                            |
      | app-ci-coverage-gate-80                  | the build fails below 80 % line coverage                                                                   |
      | app-ci-codeql-wired                      | a CodeQL job initialises and analyses                                                                      |
      | ci-installs-moto-for-the-recovery-drills | moto[server] at bin/setup.sh's version before every local run, and required: the recovery drills run in CI |

  @AC-2.3
  Scenario: Infrastructure changes are scanned by Checkov, with results in code scanning
    Then the pipelines hold to these rules of AC-2.3:
      | rule                        | what it checks                                          |
      | infra-ci-checkov-sarif-gate | Checkov on terraform/, SARIF uploaded, findings fail it |

  @AC-2.4
  Scenario: Application changes are analysed by CodeQL's security queries
    Then the pipelines hold to these rules of AC-2.4:
      | rule                           | what it checks                                          |
      | app-ci-codeql-security-queries | java-kotlin, security-extended queries, alerts reported |

  @AC-2.5
  Scenario: The pull request gets one comment with both plans and the security findings
    Then the pipelines hold to these rules of AC-2.5:
      | rule                                       | what it checks                                                         |
      | infra-ci-pr-comment-with-plan-and-findings | a comment with the staging and production plans and Checkov's findings |

  @AC-2.6
  Scenario: Main applies the infrastructure, staging first and production behind its approval
    Then the pipelines hold to these rules of AC-2.6:
      | rule                     | what it checks                                                   |
      | infra-cd-applies-on-main | the saved plan is applied, staging then production (environment) |

  @AC-2.7
  Scenario: Main deploys the application by updating the ECS service
    Then the pipelines hold to these rules of AC-2.7:
      | rule                  | what it checks                                                                     |
      | app-cd-deploys-to-ecs | image to ECR, task definition registered, service updated, staging then production |

  @AC-2.8
  Scenario: Infrastructure and application deployments are coordinated and never run at once, and no game day is dropped
    Then the pipelines hold to these rules of AC-2.8:
      | rule                                          | what it checks                                                                                                       |
      | coordinated-infrastructure-before-application | changes detected, infrastructure first, application after it                                                         |
      | deploys-serialised-by-concurrency-groups      | one deploy per environment at a time, never cancelled half-way                                                       |
      | game-days-wait-and-say-when-they-did-not-run  | a group of its own, waits for deployments (and they for it), a follow-up says when it did not run and reschedules it |

  @AC-2.9
  Scenario: Drift between the code and the real infrastructure is detected daily and raises an alert
    Then the pipelines hold to these rules of AC-2.9:
      | rule                                 | what it checks                                                         |
      | drift-detection-scheduled-with-alert | scheduled plan -detailed-exitcode; drift alerts, opens an issue, fails |

  @AC-2.11
  Scenario: Every AWS login is OIDC with short-lived credentials; no key is stored anywhere
    Then the pipelines hold to these rules of AC-2.11:
      | rule                                | what it checks                                                   |
      | github-oidc-provider-for-sts        | GitHub's OIDC provider is registered for sts.amazonaws.com       |
      | no-long-lived-aws-keys-in-terraform | no IAM user or access key is created                             |
      | aws-access-only-through-oidc-roles  | every login assumes a role, with id-token: write and no keys     |
      | no-stored-aws-keys-in-workflows     | no secrets.AWS_*, no key in the environment, no AKIA... anywhere |
      | aws-calls-after-oidc-login          | every AWS call in a job comes after its OIDC login               |

  @AC-2.12 @SC-SEC-2
  Scenario: CI/CD roles trust only this repository and hold least privilege
    Then the pipelines hold to these rules of AC-2.12:
      | rule                                          | what it checks                                              |
      | ci-roles-trust-only-this-repository           | aud = sts.amazonaws.com and an exact sub of this repository |
      | ci-deploy-roles-only-from-github-environments | deploy roles only from a (protected) GitHub environment     |
      | ci-roles-no-wildcard-actions                  | every action listed explicitly                              |
      | ci-roles-only-read-only-managed-policy        | ReadOnlyAccess is the only managed policy                   |
      | workflows-start-without-permissions           | permissions: {} by default, each job asks for what it needs |

  @AC-2.13
  Scenario: A deployment can be rolling, blue-green or canary
    Then the pipelines hold to these rules of AC-2.13:
      | rule                      | what it checks                                                                 |
      | deployment-strategy-input | the strategy input offers the three, and the script and Terraform support them |

  @AC-2.14
  Scenario: A failed deployment is rolled back automatically
    Then the pipelines hold to these rules of AC-2.14:
      | rule                          | what it checks                                                           |
      | automatic-rollback-on-failure | a rollback step on failure, circuit breaker and CodeDeploy auto rollback |

  @AC-2.15
  Scenario: Every deployment is validated against its own environment, and the validation changes nothing it must not
    Then the pipelines hold to these rules of AC-2.15:
      | rule                                             | what it checks                                                                            |
      | post-deployment-validation                       | health, alarms, p95 and 5xx after each deploy, smoke specs, a final validation job        |
      | remote-runs-use-their-own-target                 | a production job's harness targets production with its own settings, never staging's      |
      | production-runs-select-nothing-destructive       | nothing @destructive against production, whatever a variable or an input says             |
      | scenarios-that-change-the-target-are-destructive | deployments, faults, restores, loads and the health-routing drill are tagged @destructive |
      | remote-runs-select-no-self-test                  | staging, production and game-day runs select no self-test; each refuses a remote target   |

  @SC-DEPLOY-5
  Scenario: The automated jobs can do what they are for, and report what they found
    Then the pipelines hold to these rules of SC-DEPLOY-5:
      | rule                                 | what it checks                                                                            |
      | harness-jobs-roles-allow-their-calls | the role each job assumes allows every AWS call of the scenarios the job selects, as data |
      | verdicts-read-from-summary-json      | every verdict a workflow reports is the one a summary.json holds                          |
      | game-days-post-results-and-alert     | the game day posts every experiment's result and alerts the team when a hypothesis broke  |

  @SC-SEC-2
  Scenario: The pipeline roles read no secret but the token signing key, no table but the service's, and write none of production's
    Then the pipelines hold to these rules of SC-SEC-2:
      | rule                                                            | what it checks                                                                                                       |
      | pipeline-roles-read-only-the-signing-key-and-the-service-tables | GetSecretValue on the signing key's ARN alone, table reads on the service's, no DynamoDB writes by a production role |

  @AC-4.4 @NFR-SEC-5
  Scenario: Security scanners are wired into the pipelines as gates, with every action pinned (OWASP A06 and A08: components and integrity)
    Then the pipelines hold to these rules of AC-4.4:
      | rule                             | what it checks                                                                              |
      | security-scanners-wired          | CodeQL, SpotBugs with Find Security Bugs, dependency review, Trivy and Checkov              |
      | third-party-actions-pinned       | every third-party action pinned to a full commit SHA                                        |
      | dependabot-covers-every-manifest | Dependabot watches the actions, Terraform, Maven, service/Dockerfile and tools/package.json |

  @NFR-SEC-1 @NFR-SEC-5 @SC-SEC-3
  Scenario: Every build carries an SBOM of the service, and the image and the SBOM are held to the vulnerability budget (OWASP A06)
    The budget (no critical finding, fewer than 5 medium) is judged by Trivy in GitHub Actions over
    what is built there; on this machine the SBOM is checked against the jar.
    Then the service jar carries a CycloneDX SBOM that lists every library the jar ships
    And the pipelines hold to these rules of NFR-SEC-1:
      | rule                                      | what it checks                                                                      |
      | vulnerability-budget-gates-image-and-sbom | Trivy on the image and the SBOM, JSON findings counted: 1 critical or 5 medium fail |

  @NFR-SEC-1
  Scenario: The image and the SBOM are scanned against the vulnerability budget
    Then the scan of the image and the SBOM against the vulnerability budget is left to GitHub Actions

  @NFR-SEC-3
  Scenario: Security patches are offered daily and an advisory left open for 48 hours fails a daily check
    Then the pipelines hold to these rules of NFR-SEC-3:
      | rule                                             | what it checks                                                             |
      | patches-offered-daily-and-advisories-held-to-48h | daily Dependabot for Maven, npm, Docker, Actions; daily check of alert age |

  @NFR-SEC-4
  Scenario: Every release is scanned on staging by ZAP's baseline before production
    The security audit and the external penetration test stay sign-off items; this is the automated part.
    Then the pipelines hold to these rules of NFR-SEC-4:
      | rule                                         | what it checks                                                         |
      | zap-baseline-scans-staging-before-production | ZAP baseline on staging's URL, a high-risk alert fails, production waits |

  @AC-2.1 @AC-2.2 @AC-2.6 @AC-2.7 @AC-2.8 @AC-2.9
  Scenario: Every workflow passes actionlint
    When actionlint lints every workflow
    Then actionlint reports no finding in any of them
