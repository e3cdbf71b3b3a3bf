@US-4 @security-drill
Feature: A security incident is detected by its alarm and contained by the runbook, and both are timed
  The drill plays a credential-stuffing burst (tokens signed with keys the attacker made up), then an
  attacker using the real signing key, leaked. The service counts every refused token on
  security.authentication.failures and logs it as the AUTHENTICATION_FAILURE line the Terraform's
  metric filter counts; the alarm's rule (more than the Terraform's auth_failure_threshold in 5
  minutes) is evaluated on that counter every second. The on-call then runs the runbook's procedure
  for a leaked key, its own commands, with the AWS CLI against the local Secrets Manager (moto): a new
  current version, and AWSPREVIOUS taken from the leaked one. The instance reads its key by the
  secret's id every 30 seconds, so the leak is contained without a restart. Both times count from the
  attack's first request, and are judged against the local goal of 5 minutes (SC-SEC-1's target is 1
  hour). Secrets Manager is emulated here: this rehearses the staging and production criteria, and
  never passes them. Staging and production run the service the same way: the Terraform passes the
  secret's ARN (the task role may read exactly that secret) and a pseudonym key of its own, which never
  changes with the signing key.

  @AC-4.6 @SC-SEC-1 @NFR-SEC-5 @local @destructive
  Scenario: A credential-stuffing burst and a leaked signing key are detected and contained without a restart (OWASP A09: security events logged, alerted and answered)
    Given an instance of the service that reads its signing key from the local Secrets Manager by the secret's id
    When an attacker tries 120 forged tokens, then calls the service with a token signed by the leaked key
    Then the security alarm's rule from the Terraform fires on the failed authentications within 5 minutes of the attack's start
    When the on-call follows the runbook's procedure for a leaked signing key
    Then tokens signed with the leaked key are refused and tokens signed with the new key accepted, by the same process, within 5 minutes of the attack's start
    And the drill ran every command of the runbook's section, and that section retires the leaked version
