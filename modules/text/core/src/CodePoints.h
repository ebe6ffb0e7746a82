#pragma once

#include <QChar>
#include <QStringView>

namespace mdp::text {

// Calls `f(char32_t codePoint, qsizetype begin, qsizetype end)` for each code point of `text`
// (UTF-16 offsets, end exclusive). A lone surrogate is passed on as it is.
template<typename F> void forEachCodePoint(QStringView text, F &&f)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n;) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < n && text[i + 1].isLowSurrogate()) {
            f(char32_t(QChar::surrogateToUcs4(c, text[i + 1])), i, i + 2);
            i += 2;
        } else {
            f(char32_t(c.unicode()), i, i + 1);
            ++i;
        }
    }
}

} // namespace mdp::text
