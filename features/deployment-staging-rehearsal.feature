@US-1 @US-2 @deployment-staging-rehearsal
Feature: The staging deployment driver rehearsed against moto
  The deployments on staging (deployment-staging.feature) go through the AWS SDK to ECS and CodeDeploy;
  their first real run would be the first time those calls meet an AWS API. This rehearsal runs the
  staging deployment driver, unchanged, against moto's server on loopback, with the staging resources
  created in it under the Terraform's names and with the Terraform's task definition, and checks what
  moto recorded. moto 5.2.1 does not emulate everything the driver waits for: ECS's rollout state,
  CodeDeploy's deployment lifecycle, StopDeployment and the rollback deployment a stop starts are
  answered by named stubs in front of it, in the shape of the real API, and listed. Its evidence is of
  the emulator's level: a rehearsal of the staging criteria, never their proof (no traffic moves, no
  task starts, no gate watches a real load; only a staging run shows those).

  @AC-2.13 @AC-2.14 @NFR-AVAIL-4 @local
  Scenario: The staging deployment driver deploys and rolls back releases on the Terraform's resources in moto
    Given moto's server stands in for AWS, its calls that moto does not emulate answered by named stubs
    When the staging deployment driver, unchanged, rolls out a good and a bad release through ECS, and deploys a good release blue-green and a bad one as a canary through CodeDeploy, the live gate failing the bad ones
    Then each good release went live in moto: a revision of the Terraform's task definition that keeps all of it but the release's variables, the service on it, and for CodeDeploy a deployment in the Terraform's application and group whose AppSpec names it
    And each bad release was rolled back: the ECS service back on the previous revision, the canary stopped with its automatic rollback
    And every call answered by a stub or with emulated state is listed
