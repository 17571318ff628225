// Dumps SWORD's versification systems (book order, chapter and verse counts) and each
// system's verse mapping onto KJV numbering, as plain data files for GospeLib's resources.
// Build: g++ -O1 -o dump-versification dump-versification.cpp $(pkg-config --cflags --libs sword)
#include <versificationmgr.h>
#include <swbuf.h>
#include <cstdio>
#include <cstring>
#include <string>

using namespace sword;

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s OUTDIR\n", argv[0]); return 2; }
    std::string out = argv[1];
    VersificationMgr *mgr = VersificationMgr::getSystemVersificationMgr();
    const VersificationMgr::System *kjv = mgr->getVersificationSystem("KJV");
    StringList names = mgr->getVersificationSystems();
    for (StringList::iterator it = names.begin(); it != names.end(); ++it) {
        const VersificationMgr::System *sys = mgr->getVersificationSystem(*it);
        std::string base = out + "/" + it->c_str();
        FILE *f = fopen((base + ".v11n").c_str(), "w");
        FILE *m = fopen((base + ".to-kjv").c_str(), "w");
        fprintf(f, "# versification %s: osis-book<TAB>testament<TAB>verses per chapter\n", it->c_str());
        fprintf(m, "# %s verse -> KJV verse(s), only where they differ\n", it->c_str());
        const int *bmax = sys->getBMAX();
        for (int b = 0; b < sys->getBookCount(); b++) {
            const VersificationMgr::Book *book = sys->getBook(b);
            fprintf(f, "%s\t%s\t", book->getOSISName(), b < bmax[0] ? "OT" : "NT");
            for (int c = 1; c <= book->getChapterMax(); c++) {
                fprintf(f, c > 1 ? ",%d" : "%d", book->getVerseMax(c));
                if (sys == kjv) continue;
                for (int v = 1; v <= book->getVerseMax(c); v++) {
                    const char *bk = book->getOSISName();
                    int ch = c, vs = v, ve = 0;
                    sys->translateVerse(kjv, &bk, &ch, &vs, &ve);
                    bool same = !strcmp(bk, book->getOSISName()) && ch == c && vs == v && (ve == 0 || ve == v);
                    if (!same) {
                        if (ve && ve != vs) fprintf(m, "%s.%d.%d\t%s.%d.%d-%d\n", book->getOSISName(), c, v, bk, ch, vs, ve);
                        else fprintf(m, "%s.%d.%d\t%s.%d.%d\n", book->getOSISName(), c, v, bk, ch, vs);
                    }
                }
            }
            fprintf(f, "\n");
        }
        fclose(f); fclose(m);
    }
    return 0;
}
