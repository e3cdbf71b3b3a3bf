package org.faithbot.verification;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * The launch-readiness specs: every feature under features/, on the target chosen with
 * -Dtarget (local by default), filtered by the target's tag. Glue, plugins and report paths are in
 * junit-platform.properties.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("../features")
public class LaunchReadinessSuite {
}
