#include "mdp/deid/DicomDeidentifier.h"

#include "ConfidentialityProfile.h"
#include "DicomStructureCheck.h"
#include "KeyedReplacements.h"
#include "TextCleaner.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>

#include <dcmtk/config/osconfig.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcdicent.h>
#include <dcmtk/dcmdata/dcdict.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcistrmb.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcostrmb.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcvrat.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/oflog/oflog.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <mutex>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <vector>

namespace mdp::deid {

namespace {

const char *const kDummyText = "ANONYMIZED";

// Secondary capture and endoscopy storage classes: pictures of screens and scopes, where burned-in
// text is the rule rather than the exception (PS3.15 E.1.1 item 3 and E.3.1).
bool isBurnedInProneSopClass(const QString &sopClass)
{
    static const QSet<QString> classes{
        QStringLiteral("1.2.840.10008.5.1.4.1.1.7"),        // Secondary Capture
        QStringLiteral("1.2.840.10008.5.1.4.1.1.7.1"),      // Multi-frame Single Bit SC
        QStringLiteral("1.2.840.10008.5.1.4.1.1.7.2"),      // Multi-frame Grayscale Byte SC
        QStringLiteral("1.2.840.10008.5.1.4.1.1.7.3"),      // Multi-frame Grayscale Word SC
        QStringLiteral("1.2.840.10008.5.1.4.1.1.7.4"),      // Multi-frame True Color SC
        QStringLiteral("1.2.840.10008.5.1.4.1.1.77.1.1"),   // VL Endoscopic Image
        QStringLiteral("1.2.840.10008.5.1.4.1.1.77.1.1.1"), // Video Endoscopic Image
        QStringLiteral("1.2.840.10008.5.1.4.1.1.6.1"),      // US Image
        QStringLiteral("1.2.840.10008.5.1.4.1.1.3.1"),      // US Multi-frame Image
        QStringLiteral("1.2.840.10008.5.1.4.1.1.12.1"),     // X-Ray Angiographic Image
    };
    return classes.contains(sopClass);
}

bool isBurnedInProneModality(const QString &modality)
{
    static const QSet<QString> modalities{QStringLiteral("US"), QStringLiteral("XA"), QStringLiteral("ES"),
                                          QStringLiteral("SC")};
    return modalities.contains(modality);
}

// PS3.15 Table E.3.10-1 entries this implementation trusts (private creator, element byte): numeric
// acquisition parameters with no identifying content.
struct SafePrivate
{
    quint16 group;
    const char *creator;
    quint8 element;
};
constexpr SafePrivate kSafePrivate[] = {
    {0x0019, "SIEMENS MR HEADER", 0x0C},         // B value
    {0x0019, "SIEMENS MR HEADER", 0x0D},         // diffusion directionality
    {0x0019, "SIEMENS MR HEADER", 0x0E},         // diffusion gradient direction
    {0x0019, "SIEMENS MR HEADER", 0x27},         // B matrix
    {0x0019, "GEMS_ACQU_01", 0x23},              // table speed
    {0x0019, "GEMS_ACQU_01", 0x24},              // mid scan time
    {0x0019, "GEMS_ACQU_01", 0x27},              // rotation speed
    {0x0043, "GEMS_PARM_01", 0x27},              // scan pitch ratio
    {0x2001, "Philips Imaging DD 001", 0x03},    // diffusion B-factor
    {0x7053, "Philips PET Private Group", 0x00}, // SUV factor
    {0x7053, "Philips PET Private Group", 0x09}, // activity concentration scale factor
    {0x00E1, "ELSCINT1", 0x21},                  // DLP
};

bool isSafePrivate(quint16 group, const QByteArray &creator, quint8 element)
{
    const QByteArray trimmed = creator.trimmed();
    for (const SafePrivate &s : kSafePrivate) {
        if (s.group == group && s.element == element && trimmed == s.creator)
            return true;
    }
    return false;
}

QString tagText(const DcmTagKey &tag)
{
    return QStringLiteral("(%1,%2)")
        .arg(tag.getGroup(), 4, 16, QLatin1Char('0'))
        .arg(tag.getElement(), 4, 16, QLatin1Char('0'))
        .toUpper();
}

QByteArray stringOf(DcmElement *element)
{
    OFString value;
    if (element->getOFStringArray(value).bad())
        return {};
    return QByteArray(value.c_str(), qsizetype(value.length()));
}

QByteArray stringOf(DcmItem *item, const DcmTagKey &tag)
{
    DcmElement *element = nullptr;
    if (item->findAndGetElement(tag, element, OFFalse).bad() || !element)
        return {};
    return stringOf(element);
}

bool isTextVr(DcmEVR vr)
{
    switch (vr) {
    case EVR_AE:
    case EVR_CS:
    case EVR_LO:
    case EVR_LT:
    case EVR_PN:
    case EVR_SH:
    case EVR_ST:
    case EVR_UC:
    case EVR_UT:
        return true;
    default:
        return false;
    }
}

// Whether the VR an element was read with agrees with what the dictionary says of its tag.
bool vrAgrees(DcmEVR read, DcmEVR dictionary)
{
    if (read == dictionary || read == EVR_UN)
        return true;
    switch (dictionary) {
    case EVR_xs:
        return read == EVR_US || read == EVR_SS;
    case EVR_ox:
    case EVR_px:
        return read == EVR_OB || read == EVR_OW;
    case EVR_lt:
        return read == EVR_US || read == EVR_SS || read == EVR_OW;
    case EVR_up:
        return read == EVR_UL;
    default:
        return false;
    }
}

// Byte size of one value of a fixed-size binary VR, 0 for the others.
int fixedSize(DcmEVR vr)
{
    switch (vr) {
    case EVR_US:
    case EVR_SS:
        return 2;
    case EVR_UL:
    case EVR_SL:
    case EVR_FL:
    case EVR_AT:
        return 4;
    case EVR_FD:
    case EVR_SV:
    case EVR_UV:
        return 8;
    default:
        return 0;
    }
}

// The VR the element carries (ident() names DCMTK's class, e.g. overlay or pixel data).
DcmEVR vrOf(DcmElement *element)
{
    return element->getTag().getEVR();
}

Error corrupt(const QString &message)
{
    return makeError(Error::Code::Corrupt, message);
}

// Shifts one DA value (YYYYMMDD) by `days`; nullopt when it is not a date.
std::optional<QByteArray> shiftDate(const QByteArray &value, int days)
{
    const QDate date = QDate::fromString(QString::fromLatin1(value.trimmed()), QStringLiteral("yyyyMMdd"));
    if (!date.isValid())
        return std::nullopt;
    return date.addDays(days).toString(QStringLiteral("yyyyMMdd")).toLatin1();
}

// Shifts one DT value, keeping its precision (YYYY, YYYYMM, YYYYMMDD..., time and offset kept).
std::optional<QByteArray> shiftDateTime(const QByteArray &raw, int days)
{
    const QByteArray value = raw.trimmed();
    qsizetype dateDigits = 0;
    while (dateDigits < value.size() && dateDigits < 8 && std::isdigit(uchar(value.at(dateDigits))))
        ++dateDigits;
    if (dateDigits != 4 && dateDigits != 6 && dateDigits != 8)
        return std::nullopt;
    QByteArray full = value.left(dateDigits);
    if (dateDigits == 4)
        full += "0101";
    else if (dateDigits == 6)
        full += "01";
    const auto shifted = shiftDate(full, days);
    if (!shifted)
        return std::nullopt;
    return shifted->left(dateDigits) + value.mid(dateDigits);
}

} // namespace

// ---------------------------------------------------------------------------------------------------

struct DicomDeidentifier::Private
{
    DicomDeidOptions options;
    KeyedReplacements keyed;
    const ConfidentialityProfile &profile = ConfidentialityProfile::instance();

    // Decided once per deidentifier rather than per element of every file: what each row does
    // under these options and the VR the dictionary gives its tag (exact rows; masked ones are
    // looked up when met).
    struct RowFacts
    {
        ProfileAction action = ProfileAction::Remove;
        bool inDictionary = false;
        DcmEVR dictionaryVr = EVR_UNKNOWN;
    };
    std::vector<RowFacts> facts;
    // Whether any row cleans text: only then are the identifying values of a file collected.
    bool anyClean = false;

    Private(DicomDeidOptions o, QByteArray key)
        : options(std::move(o))
        , keyed(std::move(key))
    {
        facts.resize(size_t(profile.rows().size()));
        const DcmDataDictionary &dictionary = dcmDataDict.rdlock();
        for (const ProfileRow &row : profile.rows()) {
            RowFacts &f = facts[size_t(row.index)];
            f.action = effectiveAction(row);
            anyClean = anyClean || f.action == ProfileAction::Clean;
            if (row.mask == 0xFFFFFFFFu) {
                const DcmDictEntry *entry =
                    dictionary.findEntry(DcmTagKey(Uint16(row.tag >> 16), Uint16(row.tag & 0xFFFF)), nullptr);
                f.inDictionary = entry != nullptr;
                f.dictionaryVr = entry ? entry->getEVR() : EVR_UNKNOWN;
            }
        }
        dcmDataDict.rdunlock();
    }

    ProfileAction actionOf(const ProfileRow &row) const { return facts[size_t(row.index)].action; }

    // What one folder run (or one call) reuses from file to file, so that no file pays for fresh
    // large buffers (each one a series of page faults) or for creating a folder that exists.
    struct Scratch
    {
        QByteArray input;         // the file as read
        QByteArray head;          // the encoded output but for the copied tail
        std::vector<char> chunk;  // DCMTK's output buffer
        QString createdDirectory; // the last output folder made
        // Replacements already worked out in this run: the UIDs of one study and the patient's
        // pseudonym and date offset come back file after file, each an HMAC to compute.
        QHash<QString, QString> uids;
        struct Patient
        {
            QString pseudonym;
            int dateOffset = 0;
        };
        QHash<QString, Patient> patients;
        static constexpr qsizetype kMaxRemembered = 1 << 16;
    };

    QString uid(Scratch &scratch, const QString &original) const
    {
        if (const auto it = scratch.uids.constFind(original); it != scratch.uids.constEnd())
            return it.value();
        if (scratch.uids.size() >= Scratch::kMaxRemembered)
            scratch.uids.clear();
        QString mapped = keyed.uid(original);
        scratch.uids.insert(original, mapped);
        return mapped;
    }

    const Scratch::Patient &patient(Scratch &scratch, const QString &key) const
    {
        if (const auto it = scratch.patients.constFind(key); it != scratch.patients.constEnd())
            return it.value();
        if (scratch.patients.size() >= Scratch::kMaxRemembered)
            scratch.patients.clear();
        return scratch.patients.insert(key, {keyed.pseudonym(key), keyed.dateOffsetDays(key)}).value();
    }

    // The output: `head`, then the bytes of the input from `tailStart` to its end (the pixel data,
    // copied as it was read).
    struct Output
    {
        qsizetype tailStart = 0;
        qsizetype tailSize = 0;
    };

    // What one file's processing needs to know as it goes.
    struct Run
    {
        Scratch *scratch = nullptr;
        DcmDataset *dataset = nullptr;
        QString patientPseudonym;
        int dateOffset = 0;
        TextCleaner cleaner;
        bool datesShifted = false;
        bool pixelsCleaned = false;
        QString problem; // a refusal found while processing
    };

    ProfileAction effectiveAction(const ProfileRow &row) const
    {
        bool keep = false, clean = false;
        const auto consider = [&](bool enabled, ProfileOption option) {
            if (!enabled)
                return;
            const auto it = row.options.constFind(option);
            if (it == row.options.constEnd())
                return;
            keep = keep || it.value() == ProfileAction::Keep;
            clean = clean || it.value() == ProfileAction::Clean;
        };
        consider(options.retainModifiedDates, ProfileOption::ModifiedDates);
        consider(options.retainPatientCharacteristics, ProfileOption::PatientCharacteristics);
        consider(options.retainDeviceIdentity, ProfileOption::DeviceIdentity);
        consider(options.cleanDescriptors, ProfileOption::CleanDescriptors);
        if (keep)
            return ProfileAction::Keep;
        if (clean)
            return ProfileAction::Clean;
        // Conditional actions: an attribute no standard IOD uses can always go; one that an IOD may
        // require keeps the file valid with the least it can carry (no knowledge of Type here).
        const ProfileAction basic = row.basic;
        switch (basic) {
        case ProfileAction::ZeroOrDummy:
            return row.inStandardIod ? ProfileAction::Dummy : ProfileAction::Zero;
        case ProfileAction::RemoveOrZero:
            return row.inStandardIod ? ProfileAction::Zero : ProfileAction::Remove;
        case ProfileAction::RemoveOrDummy:
        case ProfileAction::RemoveZeroOrDummy:
            return row.inStandardIod ? ProfileAction::Dummy : ProfileAction::Remove;
        case ProfileAction::RemoveZeroOrUid:
            return row.inStandardIod ? ProfileAction::Uid : ProfileAction::Remove;
        default:
            return basic;
        }
    }

    // The values this file holds that identify someone, so free text that repeats them is cleaned.
    void collectKnownValues(DcmItem *item, Run &run, int depth) const
    {
        if (depth > DicomDeidentifier::kMaxSequenceDepth)
            return;
        for (DcmObject *object = item->nextInContainer(nullptr); object;
             object = item->nextInContainer(object)) {
            auto *element = static_cast<DcmElement *>(object);
            const DcmTagKey tag = element->getTag();
            if (element->ident() == EVR_SQ) {
                auto *sequence = static_cast<DcmSequenceOfItems *>(element);
                for (unsigned long j = 0; j < sequence->card(); ++j)
                    collectKnownValues(sequence->getItem(j), run, depth + 1);
                continue;
            }
            const DcmEVR vr = vrOf(element);
            if (tag.isPrivate() || (vr != EVR_PN && vr != EVR_LO && vr != EVR_SH))
                continue;
            // Values the output keeps or cleans are not identifiers to hunt for elsewhere.
            const ProfileRow *row = profile.row(tag.getGroup(), tag.getElement());
            if (!row)
                continue;
            const ProfileAction action = actionOf(*row);
            if (action == ProfileAction::Keep || action == ProfileAction::Clean ||
                action == ProfileAction::Uid)
                continue;
            run.cleaner.addKnownValue(stringOf(element), vrOf(element) == EVR_PN);
        }
    }

    QString check(DcmItem *item, int depth) const
    {
        if (depth > DicomDeidentifier::kMaxSequenceDepth)
            return QStringLiteral("sequences nested deeper than %1 levels")
                .arg(DicomDeidentifier::kMaxSequenceDepth);
        for (DcmObject *object = item->nextInContainer(nullptr); object;
             object = item->nextInContainer(object)) {
            auto *element = static_cast<DcmElement *>(object);
            const DcmTag &tag = element->getTag();
            const DcmEVR vr = vrOf(element);
            if (const int size = fixedSize(vr); size > 0 && element->getLengthField() % size != 0)
                return QStringLiteral("element %1 (VR %2) has a length of %3, not a multiple of %4")
                    .arg(tagText(tag))
                    .arg(QLatin1String(tag.getVRName()))
                    .arg(element->getLengthField())
                    .arg(size);
            const ProfileRow *row = tag.isPrivate() ? nullptr : profile.row(tag.getGroup(), tag.getElement());
            if (row) {
                bool inDictionary = facts[size_t(row->index)].inDictionary;
                DcmEVR expected = facts[size_t(row->index)].dictionaryVr;
                if (row->mask != 0xFFFFFFFFu) {
                    const DcmDataDictionary &dictionary = dcmDataDict.rdlock();
                    const DcmDictEntry *entry = dictionary.findEntry(tag, nullptr);
                    inDictionary = entry != nullptr;
                    expected = entry ? entry->getEVR() : EVR_UNKNOWN;
                    dcmDataDict.rdunlock();
                }
                if (inDictionary && !vrAgrees(vr, expected))
                    return QStringLiteral("element %1 has VR %2 where the DICOM dictionary says %3")
                        .arg(tagText(tag), QLatin1String(DcmVR(vr).getVRName()),
                             QLatin1String(DcmVR(expected).getVRName()));
            }
            if (element->ident() == EVR_SQ) {
                auto *sequence = static_cast<DcmSequenceOfItems *>(element);
                for (unsigned long j = 0; j < sequence->card(); ++j) {
                    const QString problem = check(sequence->getItem(j), depth + 1);
                    if (!problem.isEmpty())
                        return problem;
                }
            }
        }
        return {};
    }

    void putDummy(DcmElement *element, Run &run) const
    {
        switch (vrOf(element)) {
        case EVR_DA:
            element->putString("19000101");
            break;
        case EVR_TM:
            element->putString("000000.00");
            break;
        case EVR_DT:
            element->putString("19000101000000");
            break;
        case EVR_AS:
            element->putString("000Y");
            break;
        case EVR_DS:
        case EVR_IS:
            element->putString("0");
            break;
        case EVR_UI:
            element->putString(
                uid(*run.scratch, QString::fromLatin1(stringOf(element))).toLatin1().constData());
            break;
        case EVR_UR:
            element->putString("");
            break;
        case EVR_US:
            element->putUint16(0);
            break;
        case EVR_SS:
            element->putSint16(0);
            break;
        case EVR_UL:
            element->putUint32(0);
            break;
        case EVR_SL:
            element->putSint32(0);
            break;
        case EVR_FL:
            element->putFloat32(0);
            break;
        case EVR_FD:
            element->putFloat64(0);
            break;
        case EVR_AT:
            element->putTagVal(DcmTagKey(0, 0));
            break;
        case EVR_OB:
        case EVR_OW:
        case EVR_OF:
        case EVR_OD:
        case EVR_OL:
        case EVR_OV:
        case EVR_UN: {
            const Uint8 zeros[4] = {0, 0, 0, 0};
            element->putUint8Array(zeros, 0);
            break;
        }
        default:
            element->putString(kDummyText);
            break;
        }
    }

    void remapUids(DcmElement *element, Run &run) const
    {
        const QByteArray value = stringOf(element);
        if (value.isEmpty())
            return;
        QStringList mapped;
        for (const QByteArray &uid : value.split('\\'))
            mapped << this->uid(*run.scratch, QString::fromLatin1(uid.trimmed()).remove(QChar(0)));
        element->putString(mapped.join(QLatin1Char('\\')).toLatin1().constData());
    }

    void shiftDates(DcmElement *element, Run &run) const
    {
        const QByteArray value = stringOf(element);
        if (value.isEmpty())
            return;
        QList<QByteArray> shifted;
        for (const QByteArray &one : value.split('\\')) {
            const auto moved =
                vrOf(element) == EVR_DA ? shiftDate(one, run.dateOffset) : shiftDateTime(one, run.dateOffset);
            // A value that is not a date cannot be shifted, so it cannot stay.
            shifted << (moved ? *moved : QByteArray(vrOf(element) == EVR_DA ? "19000101" : "19000101000000"));
        }
        element->putString(shifted.join('\\').constData());
        run.datesShifted = true;
    }

    void clean(DcmElement *element, Run &run) const
    {
        const DcmEVR vr = vrOf(element);
        if (vr == EVR_DA || vr == EVR_DT) {
            if (options.retainModifiedDates)
                shiftDates(element, run);
            else
                element->clear();
            return;
        }
        if (vr == EVR_TM)
            return; // a whole-day shift leaves times of day as they were
        if (isTextVr(vr) && vr != EVR_CS) {
            const QByteArray value = stringOf(element);
            const QByteArray cleaned = run.cleaner.clean(value);
            if (cleaned != value)
                element->putString(cleaned.constData());
        }
        // Codes (CS) and numbers say nothing about a person by themselves.
    }

    // Applies the table to one item; `topLevel` is the data set itself.
    void processItem(DcmItem *item, Run &run, int depth, bool topLevel) const
    {
        // Private creators whose block keeps at least one element survive.
        QSet<quint32> keptBlocks;
        std::vector<DcmElement *> toRemove;
        for (DcmObject *object = item->nextInContainer(nullptr); object;
             object = item->nextInContainer(object)) {
            auto *element = static_cast<DcmElement *>(object);
            const DcmTagKey tag = element->getTag();
            const quint16 group = tag.getGroup();
            const quint16 number = tag.getElement();
            if (group & 1u) {
                if (tag.isPrivateReservation() || number < 0x0010) {
                    continue; // creators are decided below; group lengths go with the block
                }
                const quint16 block = number >> 8;
                const QByteArray creator = stringOf(item, DcmTagKey(group, block));
                if (options.retainSafePrivate && number >= 0x1000 &&
                    isSafePrivate(group, creator, quint8(number & 0xFF))) {
                    keptBlocks.insert((quint32(group) << 16) | block);
                    continue;
                }
                toRemove.push_back(element);
                continue;
            }
            // Overlays go whole: without their data the overlay plane's other attributes would
            // describe a plane that is not there.
            if ((group & 0xFF00) == 0x6000) {
                toRemove.push_back(element);
                continue;
            }
            const ProfileRow *row = profile.row(group, number);
            if (!row) {
                if (element->ident() == EVR_SQ)
                    processSequence(static_cast<DcmSequenceOfItems *>(element), run, depth);
                continue;
            }
            if (vrOf(element) == EVR_UN) {
                // Its VR is unknown, so no valid replacement can be written.
                if (actionOf(*row) != ProfileAction::Keep)
                    toRemove.push_back(element);
                continue;
            }
            switch (actionOf(*row)) {
            case ProfileAction::Keep:
                if (element->ident() == EVR_SQ)
                    processSequence(static_cast<DcmSequenceOfItems *>(element), run, depth);
                break;
            case ProfileAction::Remove:
                toRemove.push_back(element);
                break;
            case ProfileAction::Zero:
            case ProfileAction::Dummy:
                // The patient keeps one keyed pseudonym across files, so a data set can still be
                // grouped by patient without saying who.
                if (topLevel && (tag == DCM_PatientID || tag == DCM_PatientName))
                    element->putString(run.patientPseudonym.toLatin1().constData());
                else if (actionOf(*row) == ProfileAction::Zero)
                    element->clear();
                else if (element->ident() == EVR_SQ)
                    processSequence(static_cast<DcmSequenceOfItems *>(element), run, depth);
                else
                    putDummy(element, run);
                break;
            case ProfileAction::Uid:
                if (element->ident() == EVR_SQ)
                    processSequence(static_cast<DcmSequenceOfItems *>(element), run, depth);
                else
                    remapUids(element, run);
                break;
            case ProfileAction::Clean:
                if (element->ident() == EVR_SQ)
                    processSequence(static_cast<DcmSequenceOfItems *>(element), run, depth);
                else
                    clean(element, run);
                break;
            default:
                toRemove.push_back(element); // unreachable: conditionals are resolved above
                break;
            }
        }
        for (DcmObject *object = item->nextInContainer(nullptr); object;
             object = item->nextInContainer(object)) {
            auto *element = static_cast<DcmElement *>(object);
            const DcmTagKey tag = element->getTag();
            if (!(tag.getGroup() & 1u))
                continue;
            if (tag.isPrivateReservation() &&
                keptBlocks.contains((quint32(tag.getGroup()) << 16) | tag.getElement()))
                continue;
            if (tag.isPrivateReservation() || tag.getElement() < 0x0010)
                toRemove.push_back(element);
        }
        for (DcmElement *element : toRemove)
            delete item->remove(element);
    }

    void processSequence(DcmSequenceOfItems *sequence, Run &run, int depth) const
    {
        if (depth + 1 > DicomDeidentifier::kMaxSequenceDepth) {
            run.problem = QStringLiteral("sequences nested deeper than %1 levels")
                              .arg(DicomDeidentifier::kMaxSequenceDepth);
            return;
        }
        for (unsigned long j = 0; j < sequence->card(); ++j)
            processItem(sequence->getItem(j), run, depth + 1, false);
    }

    // The pixel data of the file being processed: either an element of the data set, or the value
    // left out of the parse and copied to the output as it was read (`value` bytes into `input`).
    struct Pixels
    {
        DcmElement *element = nullptr;
        QByteArray *input = nullptr;
        qsizetype value = -1;

        bool present() const { return element || input; }
        qsizetype length() const { return element ? qsizetype(element->getLength()) : input->size() - value; }
        // Writable bytes in the byte order read (only zeros are written to them), nullptr if none.
        Uint8 *data() const
        {
            if (input)
                return reinterpret_cast<Uint8 *>(input->data()) + value; // detaches a shared copy
            Uint8 *bytes = nullptr;
            return element->getUint8Array(bytes).good() ? bytes : nullptr;
        }
    };

    // Whether this image may carry burned-in text, and if so whether a rule cleaned it. An empty
    // string means the pixels may leave; otherwise why the file is quarantined.
    QString handleBurnedInText(DcmDataset *dataset, Run &run, const Pixels &pixels) const
    {
        if (!pixels.present())
            return {};
        const QString annotation =
            QString::fromLatin1(stringOf(dataset, DCM_BurnedInAnnotation)).trimmed().toUpper();
        const QString modality = QString::fromLatin1(stringOf(dataset, DCM_Modality)).trimmed().toUpper();
        const QString sopClass = QString::fromLatin1(stringOf(dataset, DCM_SOPClassUID)).trimmed();
        QString why;
        if (annotation == u"YES")
            why = QStringLiteral("BurnedInAnnotation is YES");
        else if (annotation.isEmpty() &&
                 (isBurnedInProneModality(modality) || isBurnedInProneSopClass(sopClass)))
            why = QStringLiteral("BurnedInAnnotation is absent for a %1 image")
                      .arg(modality.isEmpty() ? QStringLiteral("secondary capture or endoscopy") : modality);
        if (why.isEmpty())
            return {};

        const QString manufacturer = QString::fromLatin1(stringOf(dataset, DCM_Manufacturer)).trimmed();
        const QString model = QString::fromLatin1(stringOf(dataset, DCM_ManufacturerModelName)).trimmed();
        Uint16 rows = 0, columns = 0;
        dataset->findAndGetUint16(DCM_Rows, rows);
        dataset->findAndGetUint16(DCM_Columns, columns);
        const BurnedInTextRule *rule = nullptr;
        for (const BurnedInTextRule &r : options.burnedInTextRules) {
            if (r.manufacturer.trimmed().compare(manufacturer, Qt::CaseInsensitive) == 0 &&
                (r.model.trimmed().isEmpty() || r.model.trimmed().compare(model, Qt::CaseInsensitive) == 0) &&
                r.rows == rows && r.columns == columns) {
                rule = &r;
                break;
            }
        }
        if (!rule)
            return why +
                   QStringLiteral(" and no pixel-cleaning rule matches its device and size: quarantined");
        DcmXfer xfer(dataset->getOriginalXfer());
        if (xfer.isEncapsulated())
            return why + QStringLiteral(
                             " and its pixel data is compressed, which the rule cannot blank: quarantined");
        Uint16 bitsAllocated = 0, samples = 1, planar = 0;
        dataset->findAndGetUint16(DCM_BitsAllocated, bitsAllocated);
        dataset->findAndGetUint16(DCM_SamplesPerPixel, samples);
        dataset->findAndGetUint16(DCM_PlanarConfiguration, planar);
        Sint32 frames = 1;
        if (dataset->findAndGetSint32(DCM_NumberOfFrames, frames).bad() || frames < 1)
            frames = 1;
        if ((bitsAllocated != 8 && bitsAllocated != 16) || samples < 1)
            return why + QStringLiteral(" and its pixel layout is not one the rule can blank: quarantined");
        const qsizetype bytesPerSample = bitsAllocated / 8;
        const qsizetype frameBytes = qsizetype(rows) * columns * samples * bytesPerSample;
        Uint8 *data = pixels.length() < frameBytes * frames ? nullptr : pixels.data();
        if (!data)
            return why + QStringLiteral(" and its pixel data is shorter than its size says: quarantined");
        const QRect image(0, 0, columns, rows);
        for (Sint32 f = 0; f < frames; ++f) {
            Uint8 *frame = data + f * frameBytes;
            for (const QRect &area : rule->areas) {
                const QRect r = area.intersected(image);
                for (int y = r.top(); y <= r.bottom() && r.isValid(); ++y) {
                    for (int s = 0; s < samples; ++s) {
                        for (int x = r.left(); x <= r.right(); ++x) {
                            const qsizetype index =
                                planar == 1 && samples > 1
                                    ? (qsizetype(s) * rows * columns + qsizetype(y) * columns + x)
                                    : ((qsizetype(y) * columns + x) * samples + s);
                            std::memset(frame + index * bytesPerSample, 0, size_t(bytesPerSample));
                        }
                    }
                }
            }
        }
        dataset->putAndInsertString(DCM_BurnedInAnnotation, "NO");
        run.pixelsCleaned = true;
        return {};
    }

    void addMarkers(DcmDataset *dataset, const Run &run) const
    {
        dataset->putAndInsertString(DCM_PatientIdentityRemoved, "YES");
        QStringList methods{QStringLiteral("MDP PS3.15 2024b Basic Profile")};
        struct Code
        {
            bool applied;
            const char *value;
            const char *meaning;
        };
        const Code codes[] = {
            {true, "113100", "Basic Application Confidentiality Profile"},
            {run.pixelsCleaned, "113101", "Clean Pixel Data Option"},
            {options.cleanDescriptors, "113105", "Clean Descriptors Option"},
            {options.retainModifiedDates, "113107",
             "Retain Longitudinal Temporal Information Modified Dates Option"},
            {options.retainPatientCharacteristics, "113108", "Retain Patient Characteristics Option"},
            {options.retainDeviceIdentity, "113109", "Retain Device Identity Option"},
            {options.retainSafePrivate, "113111", "Retain Safe Private Option"},
        };
        delete dataset->remove(DCM_DeidentificationMethodCodeSequence);
        for (const Code &code : codes) {
            if (!code.applied)
                continue;
            DcmItem *item = nullptr;
            if (dataset->findOrCreateSequenceItem(DCM_DeidentificationMethodCodeSequence, item, -2).good() &&
                item) {
                item->putAndInsertString(DCM_CodeValue, code.value);
                item->putAndInsertString(DCM_CodingSchemeDesignator, "DCM");
                item->putAndInsertString(DCM_CodeMeaning, code.meaning);
            }
            if (std::strcmp(code.value, "113100") != 0)
                methods << QString::fromLatin1(code.meaning).left(64);
        }
        dataset->putAndInsertString(DCM_DeidentificationMethod,
                                    methods.join(QLatin1Char('\\')).toLatin1().constData());
        dataset->putAndInsertString(DCM_LongitudinalTemporalInformationModified,
                                    options.retainModifiedDates ? "MODIFIED" : "REMOVED");
    }

    Result<void> serialize(DcmFileFormat &file, Scratch &scratch) const
    {
        const E_TransferSyntax xfer = file.getDataset()->getOriginalXfer();
        QByteArray &out = scratch.head;
        out.resize(0); // keeps its capacity
        std::vector<char> &buffer = scratch.chunk;
        buffer.resize(size_t(64) << 10);
        DcmOutputBufferStream stream(buffer.data(), offile_off_t(buffer.size()));
        file.transferInit();
        OFCondition status;
        do {
            status = file.write(stream, xfer, EET_ExplicitLength, nullptr, EGL_withoutGL, EPD_noChange, 0, 0,
                                0, EWM_createNewMeta);
            void *chunk = nullptr;
            offile_off_t length = 0;
            stream.flushBuffer(chunk, length);
            out.append(static_cast<const char *>(chunk), qsizetype(length));
        } while (status == EC_StreamNotifyClient);
        file.transferEnd();
        if (status.bad())
            return makeError(Error::Code::Io, QStringLiteral("DCMTK could not encode the result: %1")
                                                  .arg(QString::fromLatin1(status.text())));
        return {};
    }

    // The de-identified form of `scratch.input` (head and tail), or why not and whether that is a
    // quarantine.
    struct Processed
    {
        Output output;
        DicomDeidOutcome outcome = DicomDeidOutcome::Refused;
        Error error;
    };

    Processed run(Scratch &scratch) const
    {
        Processed processed;
        auto result = deidentify(scratch, processed.outcome);
        if (result) {
            processed.outcome = DicomDeidOutcome::Written;
            processed.output = result.value();
        } else {
            processed.error = result.error();
        }
        return processed;
    }

    // Reads `bytes` (a Part 10 file, or its beginning) into `file`.
    static OFCondition parse(DcmFileFormat &file, const char *bytes, qsizetype size)
    {
        DcmInputBufferStream stream;
        stream.setBuffer(bytes, offile_off_t(size));
        stream.setEos();
        file.transferInit();
        const OFCondition status = file.read(stream, EXS_Unknown, EGL_noChange, DCM_MaxReadLength);
        file.transferEnd();
        return status;
    }

    Result<Output> deidentify(Scratch &scratch, DicomDeidOutcome &outcome) const
    {
        if (!profile.loadError().isEmpty())
            return makeError(Error::Code::Corrupt, profile.loadError());
        if (!dcmDataDict.isDictionaryLoaded())
            return makeError(Error::Code::Unsupported,
                             QStringLiteral("DCMTK's data dictionary is not loaded (check DCMDICTPATH)"));
        const QByteArray &bytes = scratch.input;
        auto structure = DicomStructureCheck::check(bytes, DicomDeidentifier::kMaxSequenceDepth);
        if (!structure)
            return structure.error();

        // Native pixel data that ends the file is neither parsed nor re-encoded: DCMTK reads what
        // comes before it and the value is copied to the output in the same transfer syntax, as
        // DCMTK would have written it (no row of the table applies to it). Otherwise (compressed
        // transfer syntaxes, something after the pixel data) the whole file is parsed.
        Output output;
        auto file = std::make_unique<DcmFileFormat>();
        const E_TransferSyntax xfer = DcmXfer(structure->transferSyntax.toLatin1().constData()).getXfer();
        bool split = structure->pixelDataStart > 0 &&
                     (xfer == EXS_LittleEndianImplicit || xfer == EXS_LittleEndianExplicit ||
                      xfer == EXS_BigEndianExplicit);
        OFCondition status =
            parse(*file, bytes.constData(), split ? structure->pixelDataStart : bytes.size());
        if (split && status.good()) {
            // The copied value goes last, so nothing parsed may sort after it.
            DcmDataset *parsed = file->getDataset();
            DcmObject *last = parsed->card() > 0 ? parsed->getElement(parsed->card() - 1) : nullptr;
            if (last && !(last->getTag() < DCM_PixelData)) {
                split = false;
                file = std::make_unique<DcmFileFormat>();
                status = parse(*file, bytes.constData(), bytes.size());
            }
        }
        DcmDataset *dataset = file->getDataset();
        if (status.bad())
            return corrupt(
                QStringLiteral("not readable as DICOM: %1").arg(QString::fromLatin1(status.text())));
        if (const QString problem = check(dataset, 0); !problem.isEmpty())
            return corrupt(problem);

        Pixels pixels;
        if (split) {
            pixels.input = &scratch.input;
            pixels.value = structure->pixelDataValue;
            output.tailStart = structure->pixelDataStart;
            output.tailSize = bytes.size() - structure->pixelDataStart;
        } else if (dataset->findAndGetElement(DCM_PixelData, pixels.element, OFFalse).bad()) {
            pixels.element = nullptr;
        }

        Run run;
        run.scratch = &scratch;
        run.dataset = dataset;
        QString patientId = QString::fromLatin1(stringOf(dataset, DCM_PatientID)).trimmed();
        // Without a patient ID the study stands for the patient, so its files still agree.
        const QString patientKey =
            patientId.isEmpty() ? QStringLiteral("study:") +
                                      QString::fromLatin1(stringOf(dataset, DCM_StudyInstanceUID)).trimmed()
                                : patientId;
        const Scratch::Patient &patient = this->patient(scratch, patientKey);
        run.patientPseudonym = patient.pseudonym;
        run.dateOffset = patient.dateOffset;
        run.cleaner.setCharacterSet(stringOf(dataset, DCM_SpecificCharacterSet));
        // The values to hunt for in free text matter only where a row cleans text.
        if (anyClean)
            collectKnownValues(dataset, run, 0);

        if (const QString quarantine = handleBurnedInText(dataset, run, pixels); !quarantine.isEmpty()) {
            outcome = DicomDeidOutcome::Quarantined;
            return makeError(Error::Code::Unsupported, quarantine);
        }
        processItem(dataset, run, 0, true);
        if (!run.problem.isEmpty())
            return corrupt(run.problem);
        addMarkers(dataset, run);
        if (auto encoded = serialize(*file, scratch); !encoded)
            return encoded.error();
        return output;
    }

    // Writes head and tail to a temporary beside `output`, then renames it into place.
    static QString writeOutput(Scratch &scratch, const Output &out, const QString &output)
    {
        const QString directory = QFileInfo(output).absolutePath();
        if (directory != scratch.createdDirectory) {
            if (!QDir().mkpath(directory))
                return QStringLiteral("cannot create the output folder");
            scratch.createdDirectory = directory;
        }
        // Only de-identified bytes reach the disk: a temporary beside the target (private to its
        // owner, as QTemporaryFile made it), then a rename, so a reader never sees half a file. No
        // fsync: durability against power loss is not what this promises (a rerun rewrites the
        // output), and syncing each file was most of the run time.
        QByteArray temporary;
        int fd = -1;
        bool folderMade = false;
        for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
            temporary = QFile::encodeName(directory) + "/.mdp-deid-" +
                        QByteArray::number(QRandomGenerator::global()->generate(), 36) + ".part";
            fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
            if (fd < 0 && errno == ENOENT && !folderMade) {
                // The folder made for an earlier file went away meanwhile.
                folderMade = true;
                if (!QDir().mkpath(directory))
                    return QStringLiteral("cannot create the output folder");
                continue;
            }
            if (fd < 0 && errno != EEXIST)
                break;
        }
        if (fd < 0)
            return QStringLiteral("cannot write the output: %1")
                .arg(QString::fromLocal8Bit(std::strerror(errno)));
        const char *tail = scratch.input.constData() + out.tailStart;
        struct iovec parts[2] = {{const_cast<char *>(scratch.head.constData()), size_t(scratch.head.size())},
                                 {const_cast<char *>(tail), size_t(out.tailSize)}};
        int first = 0;
        QString problem;
        while (first < 2) {
            const ssize_t done = ::writev(fd, parts + first, 2 - first);
            if (done < 0) {
                if (errno == EINTR)
                    continue;
                problem = QString::fromLocal8Bit(std::strerror(errno));
                break;
            }
            size_t left = size_t(done);
            while (first < 2 && left >= parts[first].iov_len) {
                left -= parts[first].iov_len;
                ++first;
            }
            if (first < 2) {
                parts[first].iov_base = static_cast<char *>(parts[first].iov_base) + left;
                parts[first].iov_len -= left;
            }
        }
        if (::close(fd) != 0 && problem.isEmpty())
            problem = QString::fromLocal8Bit(std::strerror(errno));
        if (!problem.isEmpty()) {
            ::unlink(temporary.constData());
            return QStringLiteral("cannot write the output: %1").arg(problem);
        }
        if (std::rename(temporary.constData(), QFile::encodeName(output).constData()) != 0) {
            problem = QString::fromLocal8Bit(std::strerror(errno));
            ::unlink(temporary.constData());
            return QStringLiteral("cannot rename the output into place: %1").arg(problem);
        }
        return {};
    }

    // Reads `input` whole into `scratch.input`; why not otherwise.
    static QString readInput(Scratch &scratch, const QString &input)
    {
        // Not blocking: a FIFO or device is refused below, not waited on.
        const int fd = ::open(QFile::encodeName(input).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0) {
            if (errno == ENOENT || errno == ENOTDIR)
                return QStringLiteral("not a readable file");
            return QStringLiteral("cannot be read: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        }
        QString problem;
        struct stat info = {};
        if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
            problem = QStringLiteral("not a readable file");
        } else if (info.st_size > DicomDeidentifier::kMaxFileSize) {
            problem = QStringLiteral("larger than %1 bytes").arg(DicomDeidentifier::kMaxFileSize);
        } else {
            scratch.input.resize(qsizetype(info.st_size)); // keeps the capacity of earlier files
            qsizetype done = 0;
            while (done < scratch.input.size()) {
                const ssize_t n =
                    ::read(fd, scratch.input.data() + done, size_t(scratch.input.size() - done));
                if (n < 0 && errno == EINTR)
                    continue;
                if (n < 0) {
                    problem = QStringLiteral("cannot be read: %1")
                                  .arg(QString::fromLocal8Bit(std::strerror(errno)));
                    break;
                }
                if (n == 0)
                    break; // shorter than it was a moment ago
                done += n;
            }
            scratch.input.resize(done);
        }
        ::close(fd);
        return problem;
    }

    DicomFileResult processFile(Scratch &scratch, const QString &input, const QString &output) const
    {
        DicomFileResult result;
        result.input = input;
        if (QString problem = readInput(scratch, input); !problem.isEmpty()) {
            result.reason = std::move(problem);
            return result;
        }
        const Processed processed = run(scratch);
        if (processed.outcome != DicomDeidOutcome::Written) {
            result.outcome = processed.outcome;
            result.reason = processed.error.message;
            return result;
        }
        if (QString problem = writeOutput(scratch, processed.output, output); !problem.isEmpty()) {
            result.reason = std::move(problem);
            return result;
        }
        result.outcome = DicomDeidOutcome::Written;
        result.output = output;
        return result;
    }
};

// ---------------------------------------------------------------------------------------------------

int DicomRunReport::written() const
{
    return int(std::count_if(files.cbegin(), files.cend(), [](const DicomFileResult &r) {
        return r.outcome == DicomDeidOutcome::Written;
    }));
}

int DicomRunReport::quarantined() const
{
    return int(std::count_if(files.cbegin(), files.cend(), [](const DicomFileResult &r) {
        return r.outcome == DicomDeidOutcome::Quarantined;
    }));
}

int DicomRunReport::refused() const
{
    return int(std::count_if(files.cbegin(), files.cend(), [](const DicomFileResult &r) {
        return r.outcome == DicomDeidOutcome::Refused;
    }));
}

DicomDeidentifier::DicomDeidentifier(DicomDeidOptions options, QByteArray key)
    : d(std::make_unique<Private>(std::move(options), std::move(key)))
{
    // DCMTK's warnings about the files it reads would reach the terminal of every command; the
    // reasons that matter come back in the results.
    static std::once_flag quiet;
    std::call_once(quiet, [] { OFLog::configure(OFLogger::FATAL_LOG_LEVEL); });
}

DicomDeidentifier::~DicomDeidentifier() = default;

QString DicomDeidentifier::remapUid(const QString &uid) const
{
    return d->keyed.uid(uid);
}

int DicomDeidentifier::dateOffsetDays(const QString &patientId) const
{
    return d->keyed.dateOffsetDays(patientId);
}

QString DicomDeidentifier::patientPseudonym(const QString &patientId) const
{
    return d->keyed.pseudonym(patientId);
}

Result<QByteArray> DicomDeidentifier::deidentifyBytes(const QByteArray &dicom) const
{
    Private::Scratch scratch;
    scratch.input = dicom;
    const auto processed = d->run(scratch);
    if (processed.outcome != DicomDeidOutcome::Written)
        return processed.error;
    QByteArray out = scratch.head;
    out.append(scratch.input.constData() + processed.output.tailStart, processed.output.tailSize);
    return out;
}

DicomFileResult DicomDeidentifier::deidentifyFile(const QString &input, const QString &output) const
{
    Private::Scratch scratch;
    return d->processFile(scratch, input, output);
}

DicomRunReport
DicomDeidentifier::deidentifyFolder(const QString &inputDir, const QString &outputDir,
                                    const std::function<void(const DicomFileResult &)> &progress) const
{
    DicomRunReport report;
    const QDir in(inputDir);
    const QString outAbsolute = QDir(outputDir).absolutePath();
    QStringList relative;
    QDirIterator it(in.absolutePath(), QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        // An output folder inside the input folder is not input.
        if (path.startsWith(outAbsolute + QLatin1Char('/')))
            continue;
        relative << in.relativeFilePath(path);
    }
    relative.sort();
    Private::Scratch scratch;
    for (const QString &rel : std::as_const(relative)) {
        const DicomFileResult result =
            d->processFile(scratch, in.filePath(rel), QDir(outputDir).filePath(rel));
        report.files << result;
        if (progress)
            progress(result);
    }
    return report;
}

} // namespace mdp::deid
