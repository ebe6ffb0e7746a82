#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace mdp::registry {

// Administrative sex as recorded at registration (GB/T 2261.1 codes 0, 1, 2, 9).
enum class Sex
{
    Unknown,
    Male,
    Female,
    Unspecified
};

// "U", "M", "F", "O": the codes the command line and the database use.
QString sexCode(Sex sex);
// Accepts the codes above in either case; nullopt otherwise.
std::optional<Sex> sexFromCode(QStringView code);

} // namespace mdp::registry
