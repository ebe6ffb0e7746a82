#include "mdp/deid/Identifiers.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace mdp::deid;

namespace {

// A resident ID with the right check character, made up from its parts (GB 11643-1999).
QString residentId(const QString &region, const QDate &born, int serial)
{
    QString body = region + born.toString(QStringLiteral("yyyyMMdd")) +
                   QStringLiteral("%1").arg(serial, 3, 10, QChar(u'0'));
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (body.at(i).unicode() - u'0') * kWeights[i];
    return body + QChar(u"10X98765432"[sum % 11]);
}

// A card number of `length` digits whose last digit makes the Luhn sum right.
QString cardNumber(QRandomGenerator &rng, int length)
{
    QString s = QStringLiteral("62");
    while (s.size() < length - 1)
        s.append(QChar(u'0' + int(rng.bounded(10))));
    for (int check = 0; check < 10; ++check) {
        if (passesLuhn(s + QChar(u'0' + check)))
            return s + QChar(u'0' + check);
    }
    return {};
}

QString fullWidth(const QString &ascii)
{
    QString out;
    for (QChar c : ascii)
        out.append(c.isDigit() ? QChar(0xFF10 + (c.unicode() - u'0')) : c);
    return out;
}

} // namespace

// R-6.6.5a-d: identifiers that carry their own check are found in Chinese clinical free text
// with 100 % recall, and numbers that fail the check are left alone.
class tst_Identifiers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void residentIdChecksAndBirthDates()
    {
        // The registry's own rules decide (check character, region, a birth date that exists).
        auto isResidentId = [](const QString &text) {
            const QList<Finding> f = findCheckableIdentifiers(text);
            return f.size() == 1 && f.first().kind == IdentifierKind::ResidentId && f.first().start == 0 &&
                   f.first().length == text.size();
        };
        const QString id = residentId(QStringLiteral("110105"), QDate(1976, 2, 29), 417);
        QVERIFY(isResidentId(id));
        QString wrongCheck = id;
        wrongCheck[17] = wrongCheck[17] == u'1' ? u'2' : u'1';
        QVERIFY(!isResidentId(wrongCheck));
        // A check character computed right over a date that does not exist.
        QVERIFY(!isResidentId(residentId(QStringLiteral("110105"), QDate(1977, 2, 28), 1)
                                  .replace(10, 4, QStringLiteral("0230"))));
        QVERIFY(!isResidentId(id.left(17)));
        QVERIFY(isResidentId(fullWidth(id)));
    }

    void luhn()
    {
        QVERIFY(passesLuhn(u"79927398713"));
        QVERIFY(!passesLuhn(u"79927398710"));
        QVERIFY(!passesLuhn(u"7"));
    }

    void findsEveryCheckableIdentifierInSyntheticNotes()
    {
        QRandomGenerator rng(20261206);
        int planted = 0;
        int found = 0;
        int wrong = 0;
        const QStringList regions = {QStringLiteral("110105"), QStringLiteral("310104"),
                                     QStringLiteral("440106"), QStringLiteral("510107"),
                                     QStringLiteral("650102")};
        for (int note = 0; note < 500; ++note) {
            const QDate born = QDate(1930, 1, 1).addDays(rng.bounded(30000));
            const QString id =
                residentId(regions.at(int(rng.bounded(regions.size()))), born, int(rng.bounded(1000)));
            const QString card = cardNumber(rng, 16 + int(rng.bounded(4)));
            const QString phone = QStringLiteral("1%1%2")
                                      .arg(3 + rng.bounded(7))
                                      .arg(rng.bounded(1000000000), 9, 10, QChar(u'0'));
            const QString mail = QStringLiteral("li.na%1@hospital-example.cn").arg(note);
            const bool wide = note % 5 == 0;
            const QString text =
                QStringLiteral("患者李娜，身份证号%1，入院号A2026%2。家属联系电话%3（手机），"
                               "费用银行卡%4，随访邮箱%5。肿瘤大小 23 mm，Ki-67 30%。")
                    .arg(wide ? fullWidth(id) : id)
                    .arg(note, 5, 10, QChar(u'0'))
                    .arg(note % 3 == 0 ? QStringLiteral("+86 ") + phone : phone)
                    .arg(note % 4 == 0 ? card.left(4) + u' ' + card.mid(4, 4) + u' ' + card.mid(8) : card)
                    .arg(mail);
            const QList<Finding> f = findCheckableIdentifiers(text);
            QList<IdentifierKind> kinds;
            for (const Finding &x : f)
                kinds << x.kind;
            const QList<IdentifierKind> expected = {IdentifierKind::ResidentId, IdentifierKind::MobilePhone,
                                                    IdentifierKind::BankCard, IdentifierKind::Email};
            planted += 4;
            for (IdentifierKind k : expected)
                found += kinds.contains(k) ? 1 : 0;
            wrong += int(kinds.size()) - int(std::count_if(kinds.begin(), kinds.end(), [&](IdentifierKind k) {
                         return expected.contains(k);
                     }));
            const QString redacted = redact(text, f);
            QVERIFY2(!redacted.contains(id) && !redacted.contains(fullWidth(id)) &&
                         !redacted.contains(phone) && !redacted.contains(card.right(8)) &&
                         !redacted.contains(mail),
                     qPrintable(redacted));
            QVERIFY(redacted.contains(QStringLiteral("Ki-67 30%"))); // clinical numbers stay
        }
        QCOMPARE(found, planted); // 100 % recall on checkable identifiers
        QCOMPARE(wrong, 0);
    }

    void numbersThatFailTheirCheckOrBelongToLongerCodesAreLeftAlone()
    {
        const QString id = residentId(QStringLiteral("320102"), QDate(1988, 7, 14), 33);
        QString broken = id;
        broken[16] = broken[16] == u'0' ? u'1' : u'0';
        const QString text = QStringLiteral("标本号%1，批号%2X9，检验编号 %3，住院天数 14 天")
                                 .arg(broken, id, QStringLiteral("4111111111111112"));
        const QList<Finding> f = findCheckableIdentifiers(text);
        QVERIFY2(f.isEmpty(), qPrintable(redact(text, f)));
    }

    void placeholdersAreTyped()
    {
        const QString id = residentId(QStringLiteral("110105"), QDate(1990, 1, 1), 5);
        const QString text = QStringLiteral("身份证%1，电话13812345678").arg(id);
        QCOMPARE(redact(text, findCheckableIdentifiers(text)),
                 QStringLiteral("身份证[身份证号]，电话[手机号]"));
    }
};

QTEST_GUILESS_MAIN(tst_Identifiers)
#include "tst_Identifiers.moc"
