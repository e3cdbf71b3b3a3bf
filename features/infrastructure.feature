@static @local @staging
Feature: The infrastructure code meets the deployment, security and recovery criteria
  The Terraform under terraform/ (the state bootstrap, staging, production and their modules) is
  read as data by HashiCorp's own HCL parser and held against policy rules, each named for what it
  checks and giving evidence for one criterion. A rule that finds nothing to check fails, and a
  violation names the file, the resource and the attribute at fault.

  These are static checks of what the code declares. They are recorded as such in the report,
  apart from measured evidence: nothing here ran in AWS. terraform init, validate and plan need the
  AWS provider, and Checkov scans the code; both run in GitHub Actions (Infrastructure CI), not here.
  The specs do not need a running target, so they run the same on the local and the staging runs.

  Background:
    Given the repository's Terraform, read as data by HashiCorp's HCL parser

  @AC-1.2
  Scenario: The load balancer is highly available, terminates TLS and routes only to ready instances
    Then the infrastructure holds to these rules of AC-1.2:
      | rule                                     | what it checks                                                            |
      | alb-spans-two-or-more-availability-zones | public subnets in at least two zones, and no environment sets fewer       |
      | alb-application-drops-invalid-headers    | an application load balancer that drops invalid header fields             |
      | alb-https-listener-tls12-plus            | HTTPS on 443 with a certificate and a TLS 1.2+ policy                     |
      | alb-http-redirects-to-https              | plain HTTP only answers with a 301 redirect to HTTPS                      |
      | alb-health-checks-readiness-probe        | target groups check /actuator/health/readiness and expect 200             |
      | service-runs-two-or-more-tasks           | at least two tasks, guarded by validation and set so in every environment |

  @AC-1.3 @NFR-SCALE-4
  Scenario: The number of tasks follows the traffic, on CPU and on requests per task
    Then the infrastructure holds to these rules of AC-1.3:
      | rule                                   | what it checks                                           |
      | autoscaling-bounds-two-to-max          | scaling between at least two tasks and a larger maximum  |
      | autoscaling-tracks-cpu                 | target tracking on the tasks' average CPU                |
      | autoscaling-tracks-requests-per-target | target tracking on the load balancer's requests per task |
    And the infrastructure holds to these rules of NFR-SCALE-4:
      | rule                                              | what it checks                                      |
      | autoscaling-bounds-two-to-max-for-demand          | capacity scales between its bounds, never below two |
      | autoscaling-tracks-cpu-for-demand                 | it follows CPU demand                               |
      | autoscaling-tracks-requests-per-target-for-demand | it follows request demand                           |

  @AC-2.10
  Scenario: Terraform state lives in a versioned S3 bucket with native locking and is backed up before every apply
    Then the infrastructure holds to these rules of AC-2.10:
      | rule                                              | what it checks                                                             |
      | state-backend-s3-native-locking                   | S3 backend with use_lockfile = true and encryption, no DynamoDB lock table |
      | state-bucket-versioned-private-encrypted-tls-only | the state bucket is versioned, private, KMS-encrypted and TLS only         |
      | state-backed-up-before-apply                      | the apply action copies the state to state-backups/ before applying        |

  @AC-3.3
  Scenario: Front-end assets are compressed, cached and served over HTTPS by CloudFront from a private bucket
    Then the infrastructure holds to these rules of AC-3.3:
      | rule                                            | what it checks                                                    |
      | cdn-compresses-and-caches-assets                | compression on every behaviour, gzip and brotli, assets cached    |
      | cdn-https-only-tls12                            | HTTPS only, TLSv1.2_2021 for viewers, HTTPS to the origins        |
      | cdn-private-bucket-behind-origin-access-control | the bucket is private and read only through origin access control |
      | cdn-and-alb-behind-waf                          | WAF on the distribution and on the load balancer                  |

  @AC-3.5
  Scenario: Performance degradation raises alarms that reach the team
    Then the infrastructure holds to these rules of AC-3.5:
      | rule                                 | what it checks                                                                 |
      | alarms-watch-performance-degradation | p95 latency at 3 s or less, 5xx rate, unhealthy hosts, CPU, memory, throttling |
      | alarm-thresholds-as-required         | above 5 % of requests 5xx, above 80 % CPU or memory, no laxer value passed in   |
      | alarms-notify-the-team               | every alarm notifies the encrypted alert topic, which has subscribers          |
      | alarms-from-one-definition           | alarms.yaml makes every alarm; the local Prometheus rules agree with it        |

  @NFR-OPS-1
  Scenario: Monitoring is automated: four dashboards and alarms that notify
    Then the infrastructure holds to these rules of NFR-OPS-1:
      | rule                 | what it checks                                                   |
      | four-dashboards      | executive, operations, security and performance dashboards exist |
      | every-alarm-notifies | no alarm is silent                                               |

  @NFR-OPS-5
  Scenario: Alarms do not fall silent and the alert topic pages around the clock
    Then the infrastructure holds to these rules of NFR-OPS-5:
      | rule                           | what it checks                                                                 |
      | silence-is-an-outage-and-pages | missing data is breaching where silence is an outage; a pager on the topic     |

  @NFR-AVAIL-1 @NFR-AVAIL-3
  Scenario: Production's availability and its incidents will be measured: a health check against the SLO, incidents counted
    Only production's operation over time shows the uptime and the MTBF; these rules check that the Terraform
    declares what will measure them, not any figure.
    Then the infrastructure holds to these rules of NFR-AVAIL-1:
      | rule                                   | what it checks                                                                      |
      | availability-slo-measured-from-outside | a Route 53 health check of the API; burn-rate alarms against 99.9 % in us-east-1 that page |
    And the infrastructure holds to these rules of NFR-AVAIL-3:
      | rule                       | what it checks                                                                          |
      | incidents-counted-for-mtbf | one composite alarm of the incident alarms; its entries into ALARM logged and counted as Incidents |

  @AC-4.1 @SC-SEC-2
  Scenario: Security groups let the internet reach the load balancer only, and the service only from it
    Then the infrastructure holds to these rules of AC-4.1:
      | rule                                                             | what it checks                                                          |
      | service-port-reachable-only-from-the-load-balancer               | the service port admits only the load balancer's group                  |
      | no-security-group-open-to-the-internet-except-https-and-redirect | 0.0.0.0/0 only on the load balancer, 443 and 80, never the service port |
      | service-egress-only-to-aws-endpoints                             | tasks reach AWS through VPC endpoints only, on HTTPS                    |
      | tasks-private-and-default-group-closed                           | no public IP for tasks, the default group allows nothing                |

  @AC-4.2 @SC-SEC-2
  Scenario: IAM policies grant least privilege
    Then the infrastructure holds to these rules of AC-4.2:
      | rule                                           | what it checks                                                    |
      | iam-no-wildcard-actions                        | no Allow of "*" or "service:*" (a Deny of s3:* for TLS is fine)   |
      | iam-unscoped-resources-only-where-aws-requires | Resource "*" only where AWS cannot scope it, or under a condition |
      | iam-pass-role-scoped                           | PassRole on named roles, to named services                        |
      | iam-no-admin-managed-policies                  | no administrator or full-access managed policy                    |
      | iam-policies-are-checkable-documents           | every policy is a policy document these rules can read            |

  @AC-4.3
  Scenario: Secrets live in Secrets Manager, are rotated, and never appear in the code or the task definition
    Then the infrastructure holds to these rules of AC-4.3:
      | rule                                     | what it checks                                                             |
      | secrets-encrypted-and-rotated            | KMS-encrypted secrets with automatic rotation, or tagged manual            |
      | secret-values-never-in-terraform         | no secret value, default or tfvars entry in the code                       |
      | task-secrets-from-secrets-manager        | secrets by valueFrom or by id; each role reads exactly its own             |
      | no-secret-in-plain-container-environment | no secret-looking name among the plain environment variables               |

  @NFR-SEC-2 @NFR-SEC-5
  Scenario: Every store of data is encrypted at rest and every channel to the outside is TLS only (OWASP A02)
    The evidence counts the resources checked: the coverage is that count, all encrypted. Outside
    this rule, and open: the hop from the load balancer to the tasks is plain HTTP inside the private
    subnets; the AWS APIs the service calls are HTTPS by the SDK. The coverage over the real resources
    of an account is SC-SEC-5's, counted in staging.
    Then the infrastructure holds to these rules of NFR-SEC-2:
      | rule                              | what it checks                                                                                 |
      | every-store-and-channel-encrypted | KMS or SSE on every table, bucket, log group, topic, repository, secret and vault; TLS-only channels |

  @AC-5.1
  Scenario: Every DynamoDB table has point-in-time recovery and cannot be deleted by accident
    Then the infrastructure holds to these rules of AC-5.1:
      | rule                                    | what it checks                                           |
      | dynamodb-point-in-time-recovery-enabled | point_in_time_recovery enabled on every table            |
      | dynamodb-deletion-protection            | deletion protection on every table, in every environment |

  @AC-5.2
  Scenario: Backups are copied to a vault in another region
    Then the infrastructure holds to these rules of AC-5.2:
      | rule                            | what it checks                                                     |
      | backups-copied-to-the-dr-region | every backup rule copies to a DR-region vault with a DR-region key |
      | dr-region-differs-from-primary  | the DR region is set and differs from the primary region           |
      | backup-plan-selects-every-table | the backup selection covers every table                            |

  @NFR-AVAIL-2
  Scenario: The staging experiments that act inside a task find the SSM agent FIS needs there
    Then the infrastructure holds to these rules of NFR-AVAIL-2:
      | rule                                | what it checks                                                                                   |
      | fis-task-actions-have-the-ssm-agent | an aws:ecs:task-* experiment has the SSM agent sidecar, its managed-instance role and permissions |

  @SC-DEPLOY-4
  Scenario: Staging, production and the local target are built from the same definitions
    Then the infrastructure holds to these rules of SC-DEPLOY-4:
      | rule                                        | what it checks                                                           |
      | tables-from-the-service-definition          | the tables come from the service's tables.json, as the local target's do |
      | environments-built-from-one-platform-module | both environments call the same platform module with the same arguments  |

  @AC-2.1
  Scenario: The Terraform code is formatted as Infrastructure CI's fmt -check demands
    Given terraform is installed on this machine
    When terraform fmt checks every file under terraform
    Then it finds no file to reformat, as Infrastructure CI's fmt -check requires
