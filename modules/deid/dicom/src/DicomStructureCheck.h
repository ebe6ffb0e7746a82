#pragma once

#include "mdp/foundation/Result.h"

#include <QByteArrayView>
#include <QString>

namespace mdp::deid {

// A walk over the raw bytes of a DICOM Part 10 file before any parser sees it: the parser builds
// sequences recursively and trusts declared lengths, so a file nested thousands of levels deep or
// claiming gigabytes would exhaust the stack or memory there. Checks the preamble, every element's
// header, that each declared length fits in what remains, that every sequence and item is closed,
// and the nesting depth. Iterative, so the walk itself has no recursion to exhaust.
class DicomStructureCheck
{
public:
    struct Summary
    {
        QString transferSyntax;
        int deepestSequence = 0;
        qsizetype elements = 0;
        // The top-level Pixel Data element when it is the last thing in the file, has a defined,
        // even length and a VR of OB or OW (or none: implicit VR): where its header starts and where
        // its value starts. -1 otherwise. The value then needs no parser: it can be copied as it is.
        qsizetype pixelDataStart = -1;
        qsizetype pixelDataValue = -1;
    };

    // Error::Code::Corrupt with a message naming the first problem (no value of the file in it).
    static Result<Summary> check(QByteArrayView file, int maxSequenceDepth);
};

} // namespace mdp::deid
