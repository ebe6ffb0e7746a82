#pragma once

#include "mdp/foundation/Result.h"

namespace mdp::disease {
class DemoTarget;
}

namespace mdp::cohort {

// A live review workflow for the demo: the demo reviewer's profile and records by the demo clinician
// (dr.wang) in every state (pending in the reviewer's inbox, rejected with a reason, approved, an
// amendment of an approved record waiting for review, so the inbox has a diff to show, and a draft),
// in the follow-up and toxicity forms of this pack, all made through the target's FormStore so they
// carry the same versions, tasks and notices as real ones. Needs the demo accounts dr.wang, rev.li
// and dm.liu and at least one patient.
Result<void> seedDemoRecords(disease::DemoTarget &target);

} // namespace mdp::cohort
