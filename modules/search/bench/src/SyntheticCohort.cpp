#include "SyntheticCohort.h"

#include "mdp/text/Pinyin.h"

#include <QStringList>

#include <array>

namespace mdp::search {
namespace {

// Common surnames, roughly by frequency, with a few compound and heteronym surnames.
const QStringList &surnames()
{
    static const QStringList s =
        QStringLiteral(
            "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 "
            "彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 "
            "金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 "
            "龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 单 解 区 仇 欧阳 上官 司马 诸葛")
            .split(QLatin1Char(' '));
    return s;
}

const QString &givenCharacters()
{
    static const QString s =
        QStringLiteral("丽芳娜敏静燕艳娟霞秀英华慧玲红梅兰琴云洁萍雪婷颖琳倩晶欣悦佳怡雅思雨"
                       "晓小美春秋月凤桂淑玉珍莉蓉瑶璐露薇菲宁宇明伟文建国志海军平刚磊涛杰勇"
                       "强鹏辉斌波鑫浩亮林成新嘉子可心一诗梦晨冰清瑞安乐彤欢爽莹馨蕾琪媛");
    return s;
}

struct Pathology
{
    const char16_t *chinese;
    const char *english;
    const char *icdO;
    int weight;
};

constexpr std::array kPathologies{
    Pathology{u"浸润性导管癌", "invasive ductal carcinoma", "8500/3", 70},
    Pathology{u"浸润性小叶癌", "invasive lobular carcinoma", "8520/3", 10},
    Pathology{u"导管原位癌", "ductal carcinoma in situ", "8500/2", 8},
    Pathology{u"黏液癌", "mucinous carcinoma", "8480/3", 4},
    Pathology{u"髓样癌", "medullary carcinoma", "8510/3", 2},
    Pathology{u"化生性癌", "metaplastic carcinoma", "8575/3", 2},
    Pathology{u"乳头状癌", "papillary carcinoma", "8503/3", 2},
    Pathology{u"炎性乳腺癌", "inflammatory breast carcinoma", "8530/3", 2},
};

struct Subtype
{
    const char16_t *chinese;
    const char *english;
    int weight;
};

constexpr std::array kSubtypes{
    Subtype{u"三阴性乳腺癌", "TNBC", 15},
    Subtype{u"HER2阳性", "HER2-positive", 20},
    Subtype{u"Luminal A型", "Luminal A", 35},
    Subtype{u"Luminal B型", "Luminal B", 30},
};

template<typename T, std::size_t N> const T &weighted(QRandomGenerator &r, const std::array<T, N> &items)
{
    int total = 0;
    for (const T &i : items)
        total += i.weight;
    int pick = int(r.bounded(total));
    for (const T &i : items) {
        if (pick < i.weight)
            return i;
        pick -= i.weight;
    }
    return items.front();
}

} // namespace

SyntheticCohort::SyntheticCohort(quint32 seed)
    : m_random(seed)
{}

PatientSearchRecord SyntheticCohort::next()
{
    QRandomGenerator &r = m_random;
    PatientSearchRecord p;

    std::array<quint32, 4> words;
    for (quint32 &w : words)
        w = r.generate();
    QByteArray raw(reinterpret_cast<const char *>(words.data()), 16);
    raw[6] = char((raw[6] & 0x0F) | 0x40); // version 4
    raw[8] = char((raw[8] & 0x3F) | 0x80); // variant 1
    p.patientId = QUuid::fromRfc4122(raw);

    static const char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QString id = QStringLiteral("P-");
    for (int i = 0; i < 12; ++i)
        id.append(QLatin1Char(kBase32[r.bounded(32)]));
    p.pseudonymId = id;

    // Zipf-like surname choice: rank k has weight 1 / (k + 4).
    const QStringList &family = surnames();
    double total = 0;
    for (int k = 0; k < family.size(); ++k)
        total += 1.0 / (k + 4);
    double pick = r.generateDouble() * total;
    int k = 0;
    for (; k < family.size() - 1; ++k) {
        pick -= 1.0 / (k + 4);
        if (pick < 0)
            break;
    }
    p.familyName = family[k];
    const QString &given = givenCharacters();
    p.givenName = QString(given[r.bounded(int(given.size()))]);
    if (r.bounded(10) < 7)
        p.givenName.append(given[r.bounded(int(given.size()))]);
    const text::PinyinName pinyin = text::toPinyinName(p.familyName, p.givenName);
    p.pinyin = pinyin.full;
    p.pinyinInitials = pinyin.initials;
    p.sex = r.bounded(100) == 0 ? u'M' : u'F';
    p.birthDate = QDate(1940, 1, 1).addDays(r.bounded(365 * 55));

    const Pathology &path = weighted(r, kPathologies);
    const Subtype &subtype = weighted(r, kSubtypes);
    const bool left = r.bounded(2) == 0;
    p.diagnoses << QString::fromUtf16(path.chinese) << QString::fromUtf16(subtype.chinese)
                << QString::fromLatin1(subtype.english)
                << QStringLiteral("cT%1N%2M%3")
                       .arg(1 + r.bounded(4))
                       .arg(r.bounded(4))
                       .arg(r.bounded(10) == 0 ? 1 : 0)
                << (left ? QStringLiteral("左乳") : QStringLiteral("右乳"));
    if (r.bounded(10) < 3)
        p.diagnoses << QString::fromLatin1(path.english);
    const bool inSitu = QByteArrayView(path.icdO).endsWith("/2");
    // C50.4 (upper-outer quadrant) is the most frequent site.
    static constexpr std::array kSites{4, 4, 4, 4, 2, 1, 3, 5, 8, 9, 0, 6};
    p.diagnosisCodes << (inSitu ? QStringLiteral("D05.1")
                                : QStringLiteral("C50.%1").arg(
                                      kSites[std::size_t(r.bounded(int(kSites.size())))]))
                     << QString::fromLatin1(path.icdO);
    return p;
}

} // namespace mdp::search
