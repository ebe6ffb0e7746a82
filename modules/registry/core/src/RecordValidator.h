#pragma once

#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"
#include "mdp/registry/Patient.h"
#include "mdp/registry/TimelineEvent.h"

namespace mdp::registry {

// Format and completeness checks on entry (R-6.1.3b): each returns the normalised value or an
// InvalidArgument error whose message says what to fix (never repeating identifiers).
class RecordValidator
{
public:
    explicit RecordValidator(const Clock &clock)
        : m_clock(clock)
    {}

    // Names, sex, birth date, contact and identifiers; resident IDs must agree with birth date and sex.
    Result<PatientDraft> patient(const PatientDraft &draft) const;
    // One identifier, checked against the holder's birth date and sex.
    Result<PatientIdentifier> identifier(const PatientIdentifier &identifier, QDate birthDate, Sex sex) const;
    // Times (start set, end not before start, not before birth), title, sizes.
    Result<EventDraft> event(const EventDraft &draft, QDate birthDate) const;
    // A reason is required for changes that replace or hide earlier content.
    static Result<QString> reason(const QString &reason);

private:
    const Clock &m_clock;
};

} // namespace mdp::registry
