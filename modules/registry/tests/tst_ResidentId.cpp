// GB 11643-1999 resident ID validation (R-6.1.1a: duplicate check by a checksum-validated national ID).
// Every number below is synthetic: computed for this test (check characters worked out by hand
// with ISO 7064 MOD 11-2), or the standard's own published examples.

#include "mdp/foundation/Clock.h"
#include "mdp/registry/PatientIdentifier.h"
#include "mdp/registry/ResidentId.h"

#include <QtTest>

using namespace mdp;
using namespace mdp::registry;

namespace {
// QVERIFY2 evaluates its message even when the check passes.
template<typename T> QString why(const Result<T> &r)
{
    return r ? QString() : r.error().message;
}
} // namespace

class tst_ResidentId : public QObject
{
    Q_OBJECT

    ManualClock m_clock{QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC)};

    QString messageFor(const QString &id)
    {
        auto r = ResidentId::parse(id, m_clock);
        if (r)
            return QStringLiteral("<accepted>");
        if (r.error().code != Error::Code::InvalidArgument)
            return QStringLiteral("<wrong code>");
        return r.error().message;
    }

private Q_SLOTS:
    // R-6.1.1a
    void checkCharacterMatchesTheStandardsExamples()
    {
        QCOMPARE(ResidentId::checkCharacter(u"11010519491231002"), QLatin1Char('X'));
        QCOMPARE(ResidentId::checkCharacter(u"44052418800101001"), QLatin1Char('4'));
        QCOMPARE(ResidentId::checkCharacter(u"11010119800101123"), QLatin1Char('2'));
        QCOMPARE(ResidentId::checkCharacter(u"1101011980010112"), QChar()); // 16 digits
        QCOMPARE(ResidentId::checkCharacter(u"1101011980010112A"), QChar());
    }

    // R-6.1.1a
    void validIdsYieldBirthDateRegionAndSex()
    {
        auto male = ResidentId::parse(u"110101198001011232", m_clock);
        QVERIFY2(male.ok(), qPrintable(why(male)));
        QCOMPARE(male->birthDate, QDate(1980, 1, 1));
        QCOMPARE(male->regionCode, QStringLiteral("110101"));
        QCOMPARE(male->sex, Sex::Male); // sequence 123: odd

        auto female = ResidentId::parse(u"110101198001011240", m_clock);
        QVERIFY2(female.ok(), qPrintable(why(female)));
        QCOMPARE(female->sex, Sex::Female); // sequence 124: even

        auto leap = ResidentId::parse(u"510107200002290029", m_clock);
        QVERIFY2(leap.ok(), qPrintable(why(leap)));
        QCOMPARE(leap->birthDate, QDate(2000, 2, 29));

        auto bornToday = ResidentId::parse(u"110101202603011247", m_clock);
        QVERIFY2(bornToday.ok(), qPrintable(why(bornToday)));
    }

    void lowerCaseXSpacesAndFullWidthDigitsAreNormalised()
    {
        auto r = ResidentId::parse(u" 110105 19491231 002x ", m_clock);
        QVERIFY2(r.ok(), qPrintable(why(r)));
        QCOMPARE(r->normalised, QStringLiteral("11010519491231002X"));
        auto wide = ResidentId::parse(u"１１０１０１１９８００１０１１２３２", m_clock);
        QVERIFY2(wide.ok(), qPrintable(why(wide)));
        QCOMPARE(wide->normalised, QStringLiteral("110101198001011232"));
    }

    // R-6.1.1a: each fault is named, and the number itself is never repeated in the message.
    void eachFaultIsRefusedWithAMessageNamingIt()
    {
        QVERIFY(messageFor(QString()).contains(QStringLiteral("empty")));
        QVERIFY(messageFor(QStringLiteral("11010119800101123")).contains(QStringLiteral("this one has 17")));
        QVERIFY(
            messageFor(QStringLiteral("1101011980010112321")).contains(QStringLiteral("this one has 19")));
        QVERIFY(messageFor(QStringLiteral("110101800101123")).contains(QStringLiteral("15-digit")));
        QVERIFY(messageFor(QStringLiteral("11010119800A01123X")).contains(QStringLiteral("character 12")));
        QVERIFY(messageFor(QStringLiteral("11010119800101123Y")).contains(QStringLiteral("digit or X")));
        // Correct check characters, so only the named part can be what is refused.
        QVERIFY(messageFor(QStringLiteral("990101198001011236")).contains(QStringLiteral("province")));
        QVERIFY(messageFor(QStringLiteral("100101198001011230")).contains(QStringLiteral("province")));
        QVERIFY(
            messageFor(QStringLiteral("110101199902301231")).contains(QStringLiteral("not a valid date")));
        QVERIFY(
            messageFor(QStringLiteral("110101184912311239")).contains(QStringLiteral("not a valid date")));
        QVERIFY(messageFor(QStringLiteral("110101202603021234")).contains(QStringLiteral("future")));
        QVERIFY(messageFor(QStringLiteral("110101198001011233")).contains(QStringLiteral("check character")));
        for (const QString &bad :
             {QStringLiteral("110101199902301231"), QStringLiteral("110101198001011233")})
            QVERIFY(!messageFor(bad).contains(bad));
    }

    // The future is judged by the injected clock, not the machine's.
    void birthDateInTheFutureFollowsTheClock()
    {
        QVERIFY(!ResidentId::parse(u"110101202603021234", m_clock).ok());
        ManualClock later(QDateTime(QDate(2026, 3, 2), QTime(0, 0), Qt::UTC));
        QVERIFY(ResidentId::parse(u"110101202603021234", later).ok());
    }

    // R-6.1.1a: MOD 11-2 catches every single mistyped digit and every swap of neighbours.
    void everySingleTypoAndNeighbourSwapIsCaught()
    {
        const QString valid = QStringLiteral("310104199003074561");
        QVERIFY(ResidentId::parse(valid, m_clock).ok());
        int refused = 0;
        for (int pos = 0; pos < 17; ++pos) {
            for (char16_t digit = u'0'; digit <= u'9'; ++digit) {
                if (valid.at(pos) == QChar(digit))
                    continue;
                QString typo = valid;
                typo[pos] = QChar(digit);
                QVERIFY2(!ResidentId::parse(typo, m_clock).ok(),
                         qPrintable(QStringLiteral("position %1").arg(pos)));
                ++refused;
            }
        }
        QCOMPARE(refused, 17 * 9);
        for (int pos = 0; pos + 1 < 17; ++pos) {
            if (valid.at(pos) == valid.at(pos + 1))
                continue;
            QString swapped = valid;
            std::swap(swapped[pos], swapped[pos + 1]);
            QVERIFY2(!ResidentId::parse(swapped, m_clock).ok(),
                     qPrintable(QStringLiteral("swap at %1").arg(pos)));
        }
    }

    void provinceCodesFollowGbT2260()
    {
        for (const char16_t *code : {u"11", u"31", u"44", u"65", u"71", u"81", u"82", u"83"})
            QVERIFY2(ResidentId::isProvinceCode(QStringView(code)), qPrintable(QString::fromUtf16(code)));
        for (const char16_t *code :
             {u"00", u"10", u"16", u"20", u"39", u"47", u"66", u"90", u"99", u"1", u"1a"})
            QVERIFY2(!ResidentId::isProvinceCode(QStringView(code)), qPrintable(QString::fromUtf16(code)));
    }

    void maskingKeepsOnlyRegionAndTail()
    {
        PatientIdentifier id{IdentifierType::ResidentId, QStringLiteral("110101198001011232"), {}, true};
        QCOMPARE(id.masked(), QStringLiteral("110101********1232"));
        PatientIdentifier passport{IdentifierType::Passport, QStringLiteral("E12345678"), {}, false};
        QCOMPARE(passport.masked(), QStringLiteral("*****5678"));
    }
};

QTEST_GUILESS_MAIN(tst_ResidentId)
#include "tst_ResidentId.moc"
