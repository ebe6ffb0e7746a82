#pragma once

#include <QString>

namespace mdp::registry {

// A patient's name as written in Chinese and, where known, in Latin letters (passport spelling).
struct PersonName
{
    QString family;      // 张
    QString given;       // 三
    QString familyLatin; // ZHANG
    QString givenLatin;  // San

    // The Chinese name when there is one ("张三"), else "ZHANG San".
    QString display() const;
    bool isEmpty() const;

    // Splits a name typed as one string. A name with Han characters is split after its surname
    // (one character, or two for the common compound surnames such as 欧阳); a Latin name at its
    // first space ("ZHANG San").
    static PersonName fromFullName(const QString &fullName);

    bool operator==(const PersonName &) const = default;
};

} // namespace mdp::registry
