#pragma once

#include "mdp/search/PatientSearchRecord.h"

#include <QChar>
#include <QUuid>

#include <functional>
#include <optional>

namespace mdp::search {

// How much identity the caller may see: nothing (pseudonymous ids and clinical terms only), the
// identity of ordinary patients, or every patient's.
enum class IdentityAccess : quint8
{
    None,
    Standard,
    All,
};

// Who is searching. Identity fields (name, pinyin, initials) of a patient whose identity the caller
// may not see are neither matched nor returned, so a query cannot probe a hidden name.
//
// R-6.4.1b: the permission engine plugs in as `mayAccess`, a verdict per patient applied to every
// candidate before it is returned (it is asked at most once per patient and query, from the
// searching thread, so it must be thread-safe when searches run in the background). Until then the
// caller sets identityAccess from the user's roles.
struct SearchFilter
{
    IdentityAccess identityAccess = IdentityAccess::None;
    std::optional<QChar> sex; // only patients with this sex code
    bool includeMerged = false;
    std::function<bool(const QUuid &patientId)> mayAccess; // unset: every patient

    bool identityVisible(IdentityClass identityClass) const
    {
        switch (identityAccess) {
        case IdentityAccess::None:
            return false;
        case IdentityAccess::Standard:
            return identityClass == IdentityClass::Standard;
        case IdentityAccess::All:
            return true;
        }
        return false;
    }
};

} // namespace mdp::search
