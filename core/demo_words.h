/* The words of the demo municipality Gravenvoorde, on the river Voorde: its areas, places,
 * departments, projects, staff, and what its citizens ask for, in Dutch with French, English
 * and a little German. Only core/demo.c includes this file; everything here is static data.
 *
 * Every text is invented for inspraak. Placeholders in templates, filled in by demo.c:
 *   {at}    where, with its preposition: "in de Kerkstraat", "sur le Marktplein", "in Hoogveld"
 *   {p}     the bare name, as on a street sign: "Kerkstraat", "Sint-Jozefschool"
 *   {the}   Dutch name with its article: "de Kerkstraat", "het station"
 *   {what}  the request with its article: "een zebrapad" (in the template's language)
 *   {thing} the request without article: "zebrapad"
 *   {area}  the area's name, {area_at} the area with its preposition
 *   {n}     a small number of years, {name} the author's first name
 *   {phone} {email} {url}  made-up contact details in spam (reserved .example domains)
 * A capital first letter ({P}, {What}, {Thing}) capitalises the filled-in text. */
#ifndef INSPRAAK_DEMO_WORDS_H
#define INSPRAAK_DEMO_WORDS_H

#define DEMO_TOWN "Gravenvoorde"
#define DEMO_MAIL_DOMAIN "gravenvoorde.example"

enum demo_lang { L_NL, L_FR, L_EN, L_DE, L_COUNT };

/* What kind of spot a place is: a request fits some kinds and not others. */
enum {
	PK_STREET = 1u << 0,
	PK_SQUARE = 1u << 1,
	PK_SCHOOL = 1u << 2,
	PK_PARK = 1u << 3,
	PK_STATION = 1u << 4,
	PK_SPORT = 1u << 5,
	PK_PLAY = 1u << 6,
	PK_CROSS = 1u << 7,
	PK_RIVER = 1u << 8,
	PK_BUILD = 1u << 9,
	PK_PARKING = 1u << 10,
	PK_POOL = 1u << 11,
	/* Not a kind of place: the request is about a whole area, or the whole municipality. */
	PK_AREA = 1u << 14,
	PK_TOWN = 1u << 15,
};

struct demo_area {
	const char *code;
	const char *name[L_COUNT];
	const char *at[L_COUNT];
	double lat, lng;
	int weight; /* share of the inhabitants */
};

static const struct demo_area demo_areas[] = {
	{ "centrum", { "Centrum", "Centre", "Town centre", "Zentrum" },
	  { "in het centrum", "au centre", "in the town centre", "im Zentrum" }, 51.0213, 4.0127, 14 },
	{ "stationswijk", { "Stationswijk", "Quartier de la gare", "Station quarter", "Bahnhofsviertel" },
	  { "in de Stationswijk", "dans le quartier de la gare", "in the station quarter",
	    "im Bahnhofsviertel" },
	  51.0262, 4.0241, 13 },
	{ "voordekant", { "Voordekant", "Voordekant", "Voordekant", "Voordekant" },
	  { "aan de Voordekant", "à Voordekant", "in Voordekant", "in Voordekant" }, 51.0158, 4.0049, 10 },
	{ "hoogveld", { "Hoogveld", "Hoogveld", "Hoogveld", "Hoogveld" },
	  { "in Hoogveld", "à Hoogveld", "in Hoogveld", "in Hoogveld" }, 51.0331, 4.0042, 12 },
	{ "sint-elooi", { "Sint-Elooi", "Saint-Éloi", "Sint-Elooi", "Sint-Elooi" },
	  { "in Sint-Elooi", "à Saint-Éloi", "in Sint-Elooi", "in Sint-Elooi" }, 50.9981, 4.0316, 11 },
	{ "kapelhoek", { "Kapelhoek", "Kapelhoek", "Kapelhoek", "Kapelhoek" },
	  { "in Kapelhoek", "à Kapelhoek", "in Kapelhoek", "in Kapelhoek" }, 51.0104, 3.9868, 9 },
	{ "ter-heide", { "Ter Heide", "Ter Heide", "Ter Heide", "Ter Heide" },
	  { "in Ter Heide", "à Ter Heide", "in Ter Heide", "in Ter Heide" }, 51.0416, 4.0278, 8 },
	{ "ossendries", { "Ossendries", "Ossendries", "Ossendries", "Ossendries" },
	  { "in Ossendries", "à Ossendries", "in Ossendries", "in Ossendries" }, 50.9893, 3.9962, 7 },
	{ "lindeveld", { "Lindeveld", "Lindeveld", "Lindeveld", "Lindeveld" },
	  { "in Lindeveld", "à Lindeveld", "in Lindeveld", "in Lindeveld" }, 51.0288, 3.9791, 10 },
	{ "broekhoven", { "Broekhoven", "Broekhoven", "Broekhoven", "Broekhoven" },
	  { "in Broekhoven", "à Broekhoven", "in Broekhoven", "in Broekhoven" }, 51.0512, 3.9924, 6 },
};

enum { A_CENTRUM, A_STATION, A_VOORDE, A_HOOGVELD, A_ELOOI, A_KAPEL, A_HEIDE, A_DRIES, A_LINDE,
       A_BROEK };

struct demo_place {
	int area;
	unsigned kind;
	const char *name;  /* as on the sign */
	const char *the;   /* Dutch, with its article */
	const char *at[L_COUNT];
	double dlat, dlng; /* from the area's centre, in degrees */
	int redesign;      /* inside the perimeter of the market square redesign */
};

#define ST PK_STREET
#define SQ PK_SQUARE
static const struct demo_place demo_places[] = {
	/* Centrum */
	{ A_CENTRUM, SQ, "Marktplein", "het Marktplein",
	  { "op het Marktplein", "sur le Marktplein", "on the Marktplein", "am Marktplein" },
	  0.0002, 0.0004, 1 },
	{ A_CENTRUM, ST, "Kerkstraat", "de Kerkstraat",
	  { "in de Kerkstraat", "dans la Kerkstraat", "in Kerkstraat", "in der Kerkstraat" },
	  0.0011, -0.0009, 1 },
	{ A_CENTRUM, SQ, "Sint-Pietersplein", "het Sint-Pietersplein",
	  { "op het Sint-Pietersplein", "sur la place Saint-Pierre", "on Sint-Pietersplein",
	    "am Sint-Pietersplein" },
	  0.0019, -0.0016, 1 },
	{ A_CENTRUM, ST, "Brugstraat", "de Brugstraat",
	  { "in de Brugstraat", "dans la Brugstraat", "in Brugstraat", "in der Brugstraat" },
	  -0.0021, 0.0013, 1 },
	{ A_CENTRUM, PK_BUILD, "gemeentehuis", "het gemeentehuis",
	  { "aan het gemeentehuis", "à la maison communale", "at the town hall", "am Rathaus" },
	  0.0004, 0.0011, 1 },
	{ A_CENTRUM, PK_BUILD, "bibliotheek De Letterbrug", "de bibliotheek",
	  { "aan de bibliotheek", "à la bibliothèque", "at the library", "an der Bibliothek" },
	  -0.0012, 0.0022, 0 },
	{ A_CENTRUM, PK_SCHOOL, "Sint-Jozefschool", "de Sint-Jozefschool",
	  { "aan de Sint-Jozefschool", "devant l'école Sint-Jozef", "at Sint-Jozef primary school",
	    "an der Sint-Jozefschule" }, 0.0031, 0.0007, 0 },
	{ A_CENTRUM, PK_PARK, "Begijnhofpark", "het Begijnhofpark",
	  { "in het Begijnhofpark", "au parc du Béguinage", "in Begijnhof park", "im Begijnhofpark" },
	  -0.0028, -0.0021, 0 },
	{ A_CENTRUM, PK_PARKING, "parking Vismarkt", "de parking Vismarkt",
	  { "op de parking Vismarkt", "au parking Vismarkt", "in the Vismarkt car park",
	    "am Parkplatz Vismarkt" },
	  -0.0009, -0.0031, 1 },
	{ A_CENTRUM, PK_CROSS, "kruispunt Kerkstraat-Brugstraat",
	  "het kruispunt van de Kerkstraat en de Brugstraat",
	  { "aan het kruispunt Kerkstraat-Brugstraat", "au carrefour Kerkstraat-Brugstraat",
	    "at the Kerkstraat-Brugstraat junction", "an der Kreuzung Kerkstraat-Brugstraat" }, -0.0006,
	    -0.0003, 1 },

	/* Stationswijk */
	{ A_STATION, PK_STATION, "station", "het station",
	  { "aan het station", "à la gare", "at the station", "am Bahnhof" }, 0.0001, 0.0003, 0 },
	{ A_STATION, SQ, "Stationsplein", "het Stationsplein",
	  { "op het Stationsplein", "sur la place de la Gare", "on Stationsplein", "am Bahnhofsplatz" },
	  -0.0007, 0.0002, 0 },
	{ A_STATION, ST, "Stationsstraat", "de Stationsstraat",
	  { "in de Stationsstraat", "dans la Stationsstraat", "in Stationsstraat", "in der Stationsstraat" },
	  -0.0019, -0.0015, 0 },
	{ A_STATION, ST, "Spoorwegstraat", "de Spoorwegstraat",
	  { "in de Spoorwegstraat", "dans la Spoorwegstraat", "in Spoorwegstraat", "in der Spoorwegstraat" },
	  0.0016, 0.0024, 0 },
	{ A_STATION, PK_CROSS, "fietstunnel onder het spoor", "de fietstunnel onder het spoor",
	  { "in de fietstunnel onder het spoor", "dans le tunnel cyclable sous les voies",
	    "in the cycle tunnel under the railway", "im Radtunnel unter den Gleisen" }, 0.0024, -0.0008, 0 },
	{ A_STATION, PK_SCHOOL, "basisschool De Regenboog", "basisschool De Regenboog",
	  { "aan basisschool De Regenboog", "devant l'école De Regenboog", "at De Regenboog primary school",
	    "an der Grundschule De Regenboog" }, -0.0027, 0.0031, 0 },
	{ A_STATION, PK_PARKING, "stationsparking", "de stationsparking",
	  { "op de stationsparking", "au parking de la gare", "in the station car park",
	    "am Bahnhofsparkplatz" },
	  0.0009, 0.0017, 0 },
	{ A_STATION, PK_PARK | PK_PLAY, "Spoorpark", "het Spoorpark",
	  { "in het Spoorpark", "au Spoorpark", "in Spoorpark", "im Spoorpark" }, -0.0034, -0.0026, 0 },

	/* Voordekant */
	{ A_VOORDE, ST | PK_RIVER, "Voordekaai", "de Voordekaai",
	  { "op de Voordekaai", "sur le quai de la Voorde", "on Voordekaai", "am Voordekai" },
	  0.0003, 0.0012, 0 },
	{ A_VOORDE, PK_RIVER, "jaagpad langs de Voorde", "het jaagpad langs de Voorde",
	  { "op het jaagpad langs de Voorde", "sur le chemin de halage le long de la Voorde",
	    "on the towpath along the Voorde", "am Treidelpfad an der Voorde" }, -0.0021, 0.0031, 0 },
	{ A_VOORDE, PK_CROSS | PK_RIVER, "Voordebrug", "de Voordebrug",
	  { "aan de Voordebrug", "au pont de la Voorde", "at the Voorde bridge", "an der Voordebrücke" },
	  0.0014, -0.0006, 0 },
	{ A_VOORDE, ST, "Sluisstraat", "de Sluisstraat",
	  { "in de Sluisstraat", "dans la Sluisstraat", "in Sluisstraat", "in der Sluisstraat" },
	  0.0027, 0.0019, 0 },
	{ A_VOORDE, PK_PARK | PK_RIVER, "Sluispark", "het Sluispark",
	  { "in het Sluispark", "au parc de l'Écluse", "in Sluis park", "im Sluispark" },
	  -0.0012, -0.0024, 0 },
	{ A_VOORDE, PK_BUILD, "oude watermolen", "de oude watermolen",
	  { "aan de oude watermolen", "près du vieux moulin à eau", "at the old watermill",
	    "an der alten Wassermühle" },
	  -0.0031, 0.0005, 0 },
	{ A_VOORDE, PK_PARKING, "parking Kaai", "de parking Kaai",
	  { "op de parking Kaai", "au parking du Quai", "in the Kaai car park", "am Parkplatz Kaai" },
	  0.0007, 0.0029, 0 },
	{ A_VOORDE, PK_PLAY, "speelplein Het Anker", "speelplein Het Anker",
	  { "op speelplein Het Anker", "à la plaine de jeux Het Anker", "at Het Anker playground",
	    "am Spielplatz Het Anker" }, 0.0019, -0.0028, 0 },

	/* Hoogveld */
	{ A_HOOGVELD, ST, "Hoogveldlaan", "de Hoogveldlaan",
	  { "in de Hoogveldlaan", "dans la Hoogveldlaan", "in Hoogveldlaan", "in der Hoogveldlaan" },
	  0.0004, -0.0011, 0 },
	{ A_HOOGVELD, PK_SPORT | PK_BUILD, "sporthal Hoogveld", "de sporthal Hoogveld",
	  { "aan de sporthal Hoogveld", "au hall omnisports Hoogveld", "at the Hoogveld sports hall",
	    "an der Sporthalle Hoogveld" }, 0.0021, 0.0013, 0 },
	{ A_HOOGVELD, PK_SPORT, "sportpark De Kouter", "het sportpark De Kouter",
	  { "op het sportpark De Kouter", "au parc sportif De Kouter", "at De Kouter sports ground",
	    "im Sportpark De Kouter" }, 0.0034, 0.0027, 0 },
	{ A_HOOGVELD, PK_SCHOOL, "atheneum", "het atheneum",
	  { "aan het atheneum", "devant l'athénée", "at the secondary school (atheneum)", "am Athenäum" },
	  -0.0017, 0.0008, 0 },
	{ A_HOOGVELD, ST, "Veldstraat", "de Veldstraat",
	  { "in de Veldstraat", "dans la Veldstraat", "in Veldstraat", "in der Veldstraat" },
	  -0.0026, -0.0019, 0 },
	{ A_HOOGVELD, PK_PARK, "Hoogveldbos", "het Hoogveldbos",
	  { "in het Hoogveldbos", "au bois de Hoogveld", "in Hoogveld wood", "im Hoogveldwald" },
	  0.0041, -0.0032, 0 },
	{ A_HOOGVELD, PK_SPORT | PK_POOL, "zwembad De Golf", "het zwembad De Golf",
	  { "in het zwembad De Golf", "à la piscine De Golf", "at De Golf swimming pool",
	    "im Schwimmbad De Golf" },
	  0.0013, 0.0036, 0 },
	{ A_HOOGVELD, PK_CROSS, "rotonde Hoogveldlaan", "de rotonde aan de Hoogveldlaan",
	  { "aan de rotonde van de Hoogveldlaan", "au rond-point de la Hoogveldlaan",
	    "at the Hoogveldlaan roundabout", "am Kreisverkehr Hoogveldlaan" }, -0.0008, -0.0037, 0 },

	/* Sint-Elooi */
	{ A_ELOOI, SQ, "Dorpsplein", "het Dorpsplein",
	  { "op het Dorpsplein", "sur la place du village", "on the village square", "am Dorfplatz" },
	  0.0001, 0.0002, 0 },
	{ A_ELOOI, ST, "Dorpsstraat", "de Dorpsstraat",
	  { "in de Dorpsstraat", "dans la Dorpsstraat", "in Dorpsstraat", "in der Dorpsstraat" },
	  0.0012, -0.0013, 0 },
	{ A_ELOOI, PK_BUILD, "Sint-Elooikerk", "de Sint-Elooikerk",
	  { "aan de Sint-Elooikerk", "près de l'église Saint-Éloi", "by Sint-Elooi church",
	    "an der Sint-Elooikirche" },
	  -0.0004, 0.0009, 0 },
	{ A_ELOOI, PK_SCHOOL, "dorpsschool Sint-Elooi", "de dorpsschool",
	  { "aan de dorpsschool", "devant l'école du village", "at the village school", "an der Dorfschule" },
	  -0.0018, -0.0011, 0 },
	{ A_ELOOI, ST, "Smidsestraat", "de Smidsestraat",
	  { "in de Smidsestraat", "dans la Smidsestraat", "in Smidsestraat", "in der Smidsestraat" },
	  0.0023, 0.0021, 0 },
	{ A_ELOOI, PK_PLAY | PK_PARK, "Elooiweide", "de Elooiweide",
	  { "op de Elooiweide", "à la plaine Elooiweide", "on the Elooiweide green", "auf der Elooiweide" },
	  -0.0029, 0.0026, 0 },
	{ A_ELOOI, PK_PARK, "pastorijtuin", "de pastorijtuin",
	  { "in de pastorijtuin", "dans le jardin du presbytère", "in the old rectory garden",
	    "im Pfarrgarten" },
	  0.0006, 0.0017, 0 },
	{ A_ELOOI, ST, "Molenweg", "de Molenweg",
	  { "op de Molenweg", "sur la Molenweg", "on Molenweg", "am Molenweg" }, 0.0035, -0.0024, 0 },

	/* Kapelhoek */
	{ A_KAPEL, ST, "Kapelstraat", "de Kapelstraat",
	  { "in de Kapelstraat", "dans la Kapelstraat", "in Kapelstraat", "in der Kapelstraat" },
	  0.0003, 0.0004, 0 },
	{ A_KAPEL, SQ, "pleintje aan de kapel", "het pleintje aan de kapel",
	  { "op het pleintje aan de kapel", "sur la placette près de la chapelle",
	    "on the little square by the chapel",
	    "am Platz bei der Kapelle" }, 0.0011, 0.0013, 0 },
	{ A_KAPEL, ST, "Beekstraat", "de Beekstraat",
	  { "in de Beekstraat", "dans la Beekstraat", "in Beekstraat", "in der Beekstraat" },
	  -0.0016, 0.0021, 0 },
	{ A_KAPEL, PK_SCHOOL, "wijkschool Kapelhoek", "de wijkschool",
	  { "aan de wijkschool van Kapelhoek", "devant l'école de quartier de Kapelhoek",
	    "at the Kapelhoek school",
	    "an der Schule in Kapelhoek" }, 0.0022, -0.0014, 0 },
	{ A_KAPEL, PK_BUILD, "buurthuis De Kapel", "buurthuis De Kapel",
	  { "in buurthuis De Kapel", "à la maison de quartier De Kapel", "at De Kapel community centre",
	    "im Nachbarschaftshaus De Kapel" }, -0.0007, -0.0025, 0 },
	{ A_KAPEL, PK_RIVER | PK_PARK, "Kapelbeek", "de Kapelbeek",
	  { "langs de Kapelbeek", "le long du ruisseau Kapelbeek", "along the Kapelbeek stream",
	    "am Kapelbach" },
	  -0.0031, 0.0008, 0 },
	{ A_KAPEL, ST, "Populierenlaan", "de Populierenlaan",
	  { "in de Populierenlaan", "dans la Populierenlaan", "in Populierenlaan", "in der Populierenlaan" },
	  0.0029, 0.0031, 0 },
	{ A_KAPEL, PK_PLAY, "speeltuin Kapelhoek", "de speeltuin van Kapelhoek",
	  { "in de speeltuin van Kapelhoek", "à l'aire de jeux de Kapelhoek", "at the Kapelhoek playground",
	    "am Spielplatz Kapelhoek" }, 0.0014, -0.0033, 0 },

	/* Ter Heide */
	{ A_HEIDE, ST, "Heidestraat", "de Heidestraat",
	  { "in de Heidestraat", "dans la Heidestraat", "in Heidestraat", "in der Heidestraat" },
	  0.0002, -0.0005, 0 },
	{ A_HEIDE, ST, "Heidebaan", "de Heidebaan",
	  { "op de Heidebaan", "sur la Heidebaan", "on the Heidebaan", "an der Heidebaan" },
	  0.0017, 0.0019, 0 },
	{ A_HEIDE, PK_PLAY, "speelbos Ter Heide", "het speelbos",
	  { "in het speelbos van Ter Heide", "au bois de jeux de Ter Heide", "in the Ter Heide play woods",
	    "im Spielwald Ter Heide" }, -0.0024, 0.0011, 0 },
	{ A_HEIDE, PK_BUILD, "woonzorgcentrum Ter Heide", "het woonzorgcentrum",
	  { "aan het woonzorgcentrum", "près de la maison de repos", "at the care home", "am Seniorenheim" },
	  0.0008, 0.0027, 0 },
	{ A_HEIDE, PK_BUILD, "begraafplaats", "de begraafplaats",
	  { "aan de begraafplaats", "près du cimetière", "at the cemetery", "am Friedhof" },
	  -0.0013, -0.0029, 0 },
	{ A_HEIDE, ST, "Zandweg", "de Zandweg",
	  { "op de Zandweg", "sur la Zandweg", "on Zandweg", "am Zandweg" }, 0.0031, -0.0017, 0 },
	{ A_HEIDE, PK_CROSS, "kruispunt Heidebaan-Zandweg", "het kruispunt van de Heidebaan en de Zandweg",
	  { "aan het kruispunt Heidebaan-Zandweg", "au carrefour Heidebaan-Zandweg",
	    "at the Heidebaan-Zandweg junction",
	    "an der Kreuzung Heidebaan-Zandweg" }, 0.0024, 0.0003, 0 },

	/* Ossendries */
	{ A_DRIES, SQ | PK_PARK, "Dries", "de Dries",
	  { "op de Dries", "sur la Dries", "on the Dries green", "auf der Dries" }, 0.0001, 0.0001, 0 },
	{ A_DRIES, ST, "Driesstraat", "de Driesstraat",
	  { "in de Driesstraat", "dans la Driesstraat", "in Driesstraat", "in der Driesstraat" },
	  0.0013, -0.0012, 0 },
	{ A_DRIES, ST, "Ossenweg", "de Ossenweg",
	  { "op de Ossenweg", "sur la Ossenweg", "on Ossenweg", "am Ossenweg" }, -0.0019, 0.0016, 0 },
	{ A_DRIES, PK_BUILD | PK_PARKING, "bedrijventerrein Voordepoort", "het bedrijventerrein Voordepoort",
	  { "op het bedrijventerrein Voordepoort", "au zoning Voordepoort",
	    "at the Voordepoort business park",
	    "im Gewerbegebiet Voordepoort" }, -0.0036, -0.0031, 0 },
	{ A_DRIES, ST, "Weidestraat", "de Weidestraat",
	  { "in de Weidestraat", "dans la Weidestraat", "in Weidestraat", "in der Weidestraat" },
	  0.0026, 0.0025, 0 },
	{ A_DRIES, PK_SCHOOL, "basisschool De Kleine Dries", "basisschool De Kleine Dries",
	  { "aan basisschool De Kleine Dries", "devant l'école De Kleine Dries",
	    "at De Kleine Dries primary school",
	    "an der Grundschule De Kleine Dries" }, 0.0009, 0.0033, 0 },
	{ A_DRIES, PK_SPORT, "voetbalveld FC Ossendries", "het voetbalveld van FC Ossendries",
	  { "aan het voetbalveld van FC Ossendries", "au terrain du FC Ossendries",
	    "at the FC Ossendries pitch",
	    "am Fußballplatz FC Ossendries" }, -0.0011, -0.0008, 0 },

	/* Lindeveld */
	{ A_LINDE, ST, "Lindelaan", "de Lindelaan",
	  { "in de Lindelaan", "dans la Lindelaan", "in Lindelaan", "in der Lindelaan" }, 0.0002, 0.0003, 0 },
	{ A_LINDE, PK_PARK, "Lindepark", "het Lindepark",
	  { "in het Lindepark", "au parc des Tilleuls", "in Linde park", "im Lindepark" },
	  0.0018, -0.0014, 0 },
	{ A_LINDE, SQ, "Lindeplein", "het Lindeplein",
	  { "op het Lindeplein", "sur le Lindeplein", "on Lindeplein", "am Lindeplatz" },
	  -0.0006, 0.0011, 0 },
	{ A_LINDE, ST, "Esdoornstraat", "de Esdoornstraat",
	  { "in de Esdoornstraat", "dans la Esdoornstraat", "in Esdoornstraat", "in der Esdoornstraat" },
	  -0.0021, -0.0022, 0 },
	{ A_LINDE, ST, "Berkenstraat", "de Berkenstraat",
	  { "in de Berkenstraat", "dans la Berkenstraat", "in Berkenstraat", "in der Berkenstraat" },
	  0.0027, 0.0024, 0 },
	{ A_LINDE, PK_PLAY, "speeltuin Lindepark", "de speeltuin in het Lindepark",
	  { "in de speeltuin van het Lindepark", "à l'aire de jeux du parc des Tilleuls",
	    "at the Linde park playground",
	    "am Spielplatz im Lindepark" }, 0.0021, -0.0019, 0 },
	{ A_LINDE, PK_PARKING | PK_BUILD, "winkelcentrum Lindeveld", "het winkelcentrum Lindeveld",
	  { "aan het winkelcentrum Lindeveld", "au centre commercial Lindeveld",
	    "at the Lindeveld shopping centre",
	    "am Einkaufszentrum Lindeveld" }, -0.0032, 0.0029, 0 },

	/* Broekhoven */
	{ A_BROEK, ST, "Broekstraat", "de Broekstraat",
	  { "in de Broekstraat", "dans la Broekstraat", "in Broekstraat", "in der Broekstraat" },
	  0.0001, 0.0002, 0 },
	{ A_BROEK, PK_RIVER, "Polderdijk", "de Polderdijk",
	  { "op de Polderdijk", "sur la digue du polder", "on the polder dyke", "am Polderdeich" },
	  0.0026, -0.0021, 0 },
	{ A_BROEK, PK_PARK | PK_RIVER, "Broekmeersen", "de Broekmeersen",
	  { "in de Broekmeersen", "dans la réserve des Broekmeersen", "in the Broekmeersen nature reserve",
	    "im Naturgebiet Broekmeersen" }, 0.0039, 0.0012, 0 },
	{ A_BROEK, ST, "Hoevestraat", "de Hoevestraat",
	  { "in de Hoevestraat", "dans la Hoevestraat", "in Hoevestraat", "in der Hoevestraat" },
	  -0.0017, 0.0019, 0 },
	{ A_BROEK, SQ, "Broekhovenplein", "het Broekhovenplein",
	  { "op het Broekhovenplein", "sur la place de Broekhoven", "on Broekhoven square",
	    "am Broekhovenplatz" },
	  -0.0004, -0.0009, 0 },
	{ A_BROEK, PK_SPORT, "voetbalterrein Broekhoven", "het voetbalterrein van Broekhoven",
	  { "aan het voetbalterrein van Broekhoven", "au terrain de football de Broekhoven",
	    "at the Broekhoven football ground", "am Fußballplatz Broekhoven" }, -0.0025, -0.0027, 0 },
};
#undef ST
#undef SQ

/* Ordinary streets, where most complaints about roads, pavements and traffic are about. */
struct demo_street {
	int area;
	const char *name;
};

static const struct demo_street demo_streets[] = {
	{ A_CENTRUM, "Hoogstraat" }, { A_CENTRUM, "Nieuwstraat" }, { A_CENTRUM, "Bakkerstraat" },
	{ A_CENTRUM, "Zuidstraat" }, { A_CENTRUM, "Koornstraat" }, { A_CENTRUM, "Lange Ridderstraat" },
	{ A_CENTRUM, "Begijnhofstraat" }, { A_CENTRUM, "Leerlooiersstraat" },
	{ A_STATION, "Kolenstraat" }, { A_STATION, "Seinhuisstraat" }, { A_STATION, "Perronstraat" },
	{ A_STATION, "Tramstraat" }, { A_STATION, "Fabrieksstraat" }, { A_STATION, "Ringlaan" },
	{ A_STATION, "Koopvaardijstraat" }, { A_STATION, "Wissellaan" },
	{ A_VOORDE, "Veerstraat" }, { A_VOORDE, "Scheepvaartstraat" }, { A_VOORDE, "Visserskaai" },
	{ A_VOORDE, "Zeilstraat" }, { A_VOORDE, "Rietstraat" }, { A_VOORDE, "Wilgenstraat" },
	{ A_VOORDE, "Oeverstraat" }, { A_VOORDE, "Lijnwaadstraat" },
	{ A_HOOGVELD, "Kouterstraat" }, { A_HOOGVELD, "Akkerstraat" }, { A_HOOGVELD, "Ploegstraat" },
	{ A_HOOGVELD, "Tarwestraat" }, { A_HOOGVELD, "Gerststraat" }, { A_HOOGVELD, "Windmolenstraat" },
	{ A_HOOGVELD, "Bosstraat" }, { A_HOOGVELD, "Vlasstraat" },
	{ A_ELOOI, "Kerkhofstraat" }, { A_ELOOI, "Pastorijstraat" }, { A_ELOOI, "Schoolstraat" },
	{ A_ELOOI, "Bloemenstraat" }, { A_ELOOI, "Sint-Elooistraat" }, { A_ELOOI, "Hofstraat" },
	{ A_ELOOI, "Meersstraat" }, { A_ELOOI, "Smedenweg" },
	{ A_KAPEL, "Kapelleweg" }, { A_KAPEL, "Processiestraat" }, { A_KAPEL, "Beukenlaan" },
	{ A_KAPEL, "Eikenlaan" }, { A_KAPEL, "Vijverstraat" }, { A_KAPEL, "Bronstraat" },
	{ A_KAPEL, "Kastanjestraat" }, { A_KAPEL, "Klokstraat" },
	{ A_HEIDE, "Heidelaan" }, { A_HEIDE, "Bremstraat" }, { A_HEIDE, "Dennenlaan" },
	{ A_HEIDE, "Zandstraat" }, { A_HEIDE, "Vennestraat" }, { A_HEIDE, "Hazelaarstraat" },
	{ A_HEIDE, "Schaapsdreef" }, { A_HEIDE, "Kampstraat" },
	{ A_DRIES, "Stalstraat" }, { A_DRIES, "Hoevedreef" }, { A_DRIES, "Melkerijstraat" },
	{ A_DRIES, "Boerenstraat" }, { A_DRIES, "Weverstraat" }, { A_DRIES, "Kalverstraat" },
	{ A_DRIES, "Graanweg" }, { A_DRIES, "Vlierstraat" },
	{ A_LINDE, "Lindeveldlaan" }, { A_LINDE, "Eikenstraat" }, { A_LINDE, "Ahornstraat" },
	{ A_LINDE, "Platanenlaan" }, { A_LINDE, "Elzenstraat" }, { A_LINDE, "Meidoornstraat" },
	{ A_LINDE, "Hulstlaan" }, { A_LINDE, "Lijsterbesstraat" },
	{ A_BROEK, "Polderstraat" }, { A_BROEK, "Dijkstraat" }, { A_BROEK, "Meersweg" },
	{ A_BROEK, "Slotstraat" }, { A_BROEK, "Broekmolenstraat" }, { A_BROEK, "Leeuwerikstraat" },
	{ A_BROEK, "Kievitstraat" }, { A_BROEK, "Reigerstraat" },
};

struct demo_dept {
	const char *code;
	const char *title[3];     /* nl-BE, fr-BE, en */
	const char *signature[3];
};

static const struct demo_dept demo_depts[] = {
	{ "mobiliteit", { "Mobiliteit", "Mobilité", "Mobility" },
	  { "Dienst Mobiliteit", "Service Mobilité", "Mobility Department" } },
	{ "openbare-werken", { "Openbare Werken", "Travaux publics", "Public Works" },
	  { "Dienst Openbare Werken", "Service des Travaux publics", "Public Works Department" } },
	{ "groen-milieu", { "Groen en Milieu", "Espaces verts et Environnement",
	  "Green Space and Environment" },
	  { "Dienst Groen en Milieu", "Service Espaces verts et Environnement",
	    "Green Space and Environment Department" } },
	{ "cultuur", { "Cultuur", "Culture", "Culture" },
	  { "Dienst Cultuur", "Service Culture", "Culture Department" } },
	{ "sport", { "Sport", "Sport", "Sport" },
	  { "Sportdienst", "Service des Sports", "Sports Department" } },
	{ "jeugd-onderwijs", { "Jeugd en Onderwijs", "Jeunesse et Enseignement", "Youth and Education" },
	  { "Dienst Jeugd en Onderwijs", "Service Jeunesse et Enseignement",
	    "Youth and Education Department" } },
	{ "welzijn", { "Welzijn", "Bien-être et Action sociale", "Welfare" },
	  { "Sociaal Huis Gravenvoorde", "Maison sociale de Gravenvoorde", "Gravenvoorde Social Services" } },
	{ "economie", { "Economie en Ondernemen", "Économie et Entreprises", "Economy and Business" },
	  { "Dienst Economie", "Service Économie", "Economy Department" } },
	{ "veiligheid", { "Veiligheid", "Sécurité", "Safety" },
	  { "Dienst Veiligheid en Preventie", "Service Sécurité et Prévention",
	    "Safety and Prevention Department" } },
	{ "communicatie", { "Communicatie en Participatie", "Communication et Participation",
			    "Communication and Participation" },
	  { "Dienst Communicatie", "Service Communication", "Communication Department" } },
};

enum { D_MOB, D_OW, D_GROEN, D_CULT, D_SPORT, D_JEUGD, D_WELZ, D_ECO, D_VEIL, D_COMM, D_COUNT };

/* Projects. Phases are given in days from the reference time; OPEN_END as end: open-ended. */
enum { PR_PLEIN, PR_BOX, PR_BUDGET, PR_MOB, PR_PLAY, PR_DORP, PR_HAL, PR_COUNT };
#define PB(p) (1u << (p))

struct demo_phase {
	const char *title[3];
	const char *method;
	int start, end;
};

struct demo_project {
	const char *slug;
	const char *title[3];
	const char *description[3];
	const char *kind;
	const char *publication;
	int dept;       /* default department, -1: none */
	int area;       /* ideas restricted to this area, -1: anywhere */
	double share;   /* of all ideas */
	int created;    /* days from the reference time */
	struct demo_phase phases[6];
};

#define OPEN_END 1000000

static const struct demo_project demo_projects[] = {
	[PR_PLEIN] = { "herinrichting-marktplein",
	  { "Herinrichting Marktplein en Kerkstraat", "Réaménagement du Marktplein et de la Kerkstraat",
	    "Redesigning the Marktplein and Kerkstraat" },
	  { "Het Marktplein is vandaag vooral een parking. Samen met u tekenen we een plein om te "
	    "verblijven: met groen, ruimte voor de markt en de terrassen, en een veilige Kerkstraat. "
	    "Tot het einde van de ideeënfase kan u hier uw ideeën kwijt.",
	    "Le Marktplein est aujourd'hui surtout un parking. Avec vous, nous dessinons une place où "
	    "l'on a envie de rester : de la verdure, de la place pour le marché et les terrasses, une "
	    "Kerkstraat sûre.",
	    "Today the Marktplein is mostly a car park. Together with you we are designing a square to "
	    "spend time in: greenery, room for the market and café terraces, and a safe Kerkstraat." },
	  "timeline", "published", D_OW, A_CENTRUM, 0.10, -150,
	  { { { "Informatie", "Information", "Information" }, "information", -120, -45 },
	    { { "Ideeën", "Idées", "Ideas" }, "ideation", -45, 21 },
	    { { "Ontwerp", "Conception", "Design" }, "information", 21, 110 },
	    { { "Beslissing gemeenteraad", "Décision du conseil communal", "Council decision" },
	        "information", 110, 140 },
	    { { "Uitvoering", "Travaux", "Construction" }, "information", 140, 520 } } },
	[PR_BOX] = { "ideeenbus",
	  { "Ideeënbus Gravenvoorde", "Boîte à idées de Gravenvoorde", "Gravenvoorde idea box" },
	  { "Heeft u een idee om onze gemeente beter te maken? De ideeënbus staat altijd open. "
	    "Elk idee wordt gelezen en krijgt een antwoord van de bevoegde dienst.",
	    "Vous avez une idée pour améliorer notre commune ? La boîte à idées est toujours ouverte. "
	    "Chaque idée est lue et reçoit une réponse du service compétent.",
	    "Do you have an idea to make our town better? The idea box is always open. Every idea is "
	    "read and answered by the department in charge." },
	  "continuous", "published", -1, -1, 0.44, -780,
	  { { { "Ideeënbus", "Boîte à idées", "Idea box" }, "ideation", -745, OPEN_END } } },
	[PR_BUDGET] = { "burgerbudget",
	  { "Burgerbudget: 150.000 euro voor uw buurt",
	    "Budget participatif : 150 000 euros pour votre quartier",
	    "Participatory budget: 150,000 euros for your neighbourhood" },
	  { "Dien een concreet project in voor uw buurt. De haalbare voorstellen komen in de stemronde; "
	    "de projecten met de meeste stemmen worden uitgevoerd tot het budget op is.",
	    "Proposez un projet concret pour votre quartier. Les propositions réalisables sont soumises "
	    "au vote ; les projets les plus soutenus sont réalisés jusqu'à épuisement du budget.",
	    "Propose a concrete project for your neighbourhood. Feasible proposals go to the vote; the "
	    "projects with the most votes are carried out until the budget runs out." },
	  "timeline", "published", D_COMM, -1, 0.12, -170,
	  { { { "Voorstellen indienen", "Dépôt des propositions", "Submit proposals" }, "proposals", -150,
	      -40 },
	    { { "Haalbaarheidstoets", "Analyse de faisabilité", "Feasibility check" }, "information", -40,
	        -12 },
	    { { "Stemronde", "Vote", "Voting" }, "voting", -12, 16 },
	    { { "Uitvoering", "Réalisation", "Delivery" }, "information", 16, 380 } } },
	[PR_MOB] = { "mobiliteitsplan",
	  { "Mobiliteitsplan Gravenvoorde", "Plan de mobilité de Gravenvoorde",
	    "Gravenvoorde mobility plan" },
	  { "Hoe verplaatsen we ons de komende tien jaar? Na de verkenning en de bevraging ligt er nu "
	    "een ontwerpplan. Laat ons weten wat u ervan vindt, per wijk en per straat.",
	    "Comment nous déplacerons-nous dans les dix prochaines années ? Un projet de plan est prêt : "
	    "dites-nous ce que vous en pensez, quartier par quartier.",
	    "How will we get around over the next ten years? After the survey there is now a draft plan. "
	    "Tell us what you think of it, street by street." },
	  "timeline", "published", D_MOB, -1, 0.16, -345,
	  { { { "Verkenning", "Exploration", "Exploration" }, "information", -330, -270 },
	    { { "Bevraging", "Enquête", "Survey" }, "survey", -270, -230 },
	    { { "Ideeën per wijk", "Idées par quartier", "Ideas per neighbourhood" }, "ideation", -230,
	        -120 },
	    { { "Ontwerpplan", "Projet de plan", "Draft plan" }, "information", -120, -20 },
	    { { "Reacties op het ontwerpplan", "Réactions au projet de plan", "Comments on the draft plan" },
	      "ideation", -20, 25 },
	    { { "Vaststelling", "Adoption", "Adoption" }, "information", 25, 90 } } },
	[PR_PLAY] = { "speelruimte",
	  { "Speelruimteplan: waar spelen onze kinderen?",
	    "Plan des espaces de jeu : où jouent nos enfants ?",
	    "Play space plan: where do our children play?" },
	  { "Kinderen en jongeren hebben ruimte nodig om te spelen, te sporten en rond te hangen. "
	    "Waar ontbreekt die, en wat moet er beter? Kinderen mogen zelf meedoen, met hun ouders.",
	    "Les enfants et les jeunes ont besoin d'espace pour jouer, faire du sport et se retrouver. "
	    "Où en manque-t-il ?",
	    "Children and teenagers need room to play, do sport and hang out. Where is it missing, and "
	    "what should be better?" },
	  "timeline", "published", D_JEUGD, -1, 0.09, -215,
	  { { { "Ideeën van kinderen en ouders", "Idées des enfants et des parents",
	      "Ideas from children and parents" },
	      "ideation", -200, 10 },
	    { { "Ontwerp", "Conception", "Design" }, "information", 10, 80 },
	    { { "Aanleg", "Aménagement", "Construction" }, "information", 80, 300 } } },
	[PR_DORP] = { "dorpskern-sint-elooi",
	  { "Dorpskernvernieuwing Sint-Elooi", "Rénovation du centre de Saint-Éloi",
	    "Sint-Elooi village centre renewal" },
	  { "Het Dorpsplein en de Dorpsstraat van Sint-Elooi zijn vernieuwd. Bedankt aan iedereen die "
	    "meedacht; dit project is afgesloten.",
	    "La place et la rue du village de Saint-Éloi ont été rénovées. Merci à tous ; ce projet est "
	    "clôturé.",
	    "The village square and Dorpsstraat in Sint-Elooi have been renewed. Thanks to everyone who "
	    "took part; this project is closed." },
	  "timeline", "archived", D_OW, A_ELOOI, 0.09, -800,
	  { { { "Informatie", "Information", "Information" }, "information", -775, -725 },
	    { { "Ideeën", "Idées", "Ideas" }, "ideation", -725, -640 },
	    { { "Ontwerp", "Conception", "Design" }, "information", -640, -540 },
	    { { "Beslissing gemeenteraad", "Décision du conseil communal", "Council decision" },
	        "information", -540, -505 },
	    { { "Uitvoering", "Travaux", "Construction" }, "information", -505, -300 } } },
	[PR_HAL] = { "vernieuwing-sporthal-hoogveld",
	  { "Vernieuwing sporthal Hoogveld", "Rénovation du hall omnisports Hoogveld",
	    "Renovating the Hoogveld sports hall" },
	  { "In voorbereiding: binnenkort vragen we clubs en sporters wat de vernieuwde sporthal nodig "
	    "heeft.",
	    "En préparation.", "In preparation." },
	  "timeline", "draft", D_SPORT, A_HOOGVELD, 0.0, -10,
	  { { { "Informatie", "Information", "Information" }, "information", 30, 60 },
	    { { "Ideeën van clubs en sporters", "Idées des clubs", "Ideas from clubs" }, "ideation", 60,
	        120 } } },
};

/* A request citizens make. A topic fits some kinds of place (or an area, or the whole town)
 * and is invited by some projects besides the idea box, which takes everything. */
struct demo_topic {
	int dept;
	unsigned kinds;
	unsigned projects;
	int weight;
	const char *thing;    /* nl, no article: "zebrapad" */
	const char *what;     /* nl, with article: "een zebrapad" */
	const char *title[2]; /* nl titles of its own */
	const char *body[2];  /* nl: why, in a citizen's words */
	const char *fr_what, *fr_body;
	const char *en_what, *en_body;
	const char *de_title; /* a few topics only */
};

#define TW PK_TOWN
#define TA PK_AREA
static const struct demo_topic demo_topics[] = {
	/* Mobiliteit */
	{ D_MOB, PK_SCHOOL | PK_STREET | PK_CROSS, PB(PR_MOB) | PB(PR_PLAY), 5, "zebrapad", "een zebrapad",
	  { "Veilig oversteken {at}", "Zebrapad nodig {at}!" },
	  { "Kinderen en ouderen moeten hier oversteken tussen de geparkeerde auto's door, zonder enige "
	    "markering.",
	    "Het dichtstbijzijnde zebrapad ligt meer dan honderd meter verder, dus niemand loopt daar "
	    "naartoe." },
	  "un passage pour piétons",
	  "Les enfants traversent ici entre les voitures garées, sans aucun marquage.",
	  "a zebra crossing", "Children cross here between parked cars and there is no marking at all.",
	  "Zebrastreifen bei {p} bitte" },
	{ D_MOB, PK_STATION | PK_SQUARE | PK_SCHOOL | PK_SPORT | PK_BUILD,
	  PB(PR_PLEIN) | PB(PR_BUDGET) | PB(PR_MOB) | PB(PR_DORP), 4,
	  "overdekte fietsenstalling", "een overdekte fietsenstalling",
	  { "Meer plaats om fietsen te stallen {at}", "Fietsen staan overal {at}" },
	  { "De rekken zijn altijd vol en de fietsen staan tegen de gevels en op het voetpad.",
	    "Bij regen is er geen enkele plek waar je je fiets droog kan zetten." },
	  "un abri vélos couvert", "Les râteliers sont toujours pleins et les vélos encombrent le trottoir.",
	  "a covered bike shed", "The racks are always full and bikes end up blocking the pavement.",
	  "Mehr Fahrradständer bei {p}" },
	{ D_MOB, PK_STREET, PB(PR_MOB), 4, "snelheidsremmers", "snelheidsremmers",
	  { "Er wordt veel te snel gereden {at}", "Drempels {at} graag" },
	  { "Auto's scheuren hier 's avonds door alsof het een autosnelweg is.",
	    "Er geldt hier 30 km/u maar niemand houdt zich daaraan." },
	  "des ralentisseurs", "Les voitures roulent beaucoup trop vite, surtout le soir.",
	  "speed bumps", "Cars race through here, especially in the evening.", NULL },
	{ D_MOB, PK_STREET | PK_SCHOOL, PB(PR_MOB) | PB(PR_PLAY), 3, "zone 30", "een zone 30",
	  { "Zone 30 invoeren {at}", "Trager rijden {at}, alstublieft" },
	  { "Nu mag hier nog 50 gereden worden, terwijl er veel kinderen en fietsers passeren.",
	    "Met een zone 30 wordt het een pak rustiger en veiliger voor iedereen." },
	  "une zone 30", "La vitesse est encore limitée à 50 alors que beaucoup d'enfants passent ici.",
	  "a 30 km/h zone", "The limit is still 50 here although lots of children and cyclists pass through.",
	  NULL },
	{ D_MOB, PK_STREET | PK_RIVER, PB(PR_MOB), 4, "vrijliggend fietspad", "een vrijliggend fietspad",
	  { "Veilig fietsen {at}", "Fietspad {at} is levensgevaarlijk" },
	  { "Het fietspad is nu een geschilderde strook naast auto's en vrachtwagens.",
	    "Scholieren fietsen hier elke ochtend met honderden tegelijk." },
	  "une piste cyclable séparée", "La piste cyclable n'est qu'une bande peinte à côté des camions.",
	  "a separated cycle path", "The cycle lane is just a painted strip next to lorries and cars.",
	  "Sicherer Radweg: {p}" },
	{ D_MOB, PK_SCHOOL, PB(PR_MOB) | PB(PR_PLAY), 3, "schoolstraat", "een schoolstraat",
	  { "Schoolstraat {at}", "Autovrije schoolpoort {at}" },
	  { "Bij het begin en einde van de schooldag staat alles hier vast met ouders die tot aan de poort "
	    "willen rijden.",
	    "Een half uurtje autovrij bij de schoolpoort zou het voor de kinderen zoveel veiliger maken." },
	  "une rue scolaire", "Aux heures d'école, les parents en voiture bloquent tout devant la grille.",
	  "a school street", "At drop-off time parents' cars block everything right up to the gate.", NULL },
	{ D_MOB, PK_STREET | PK_STATION | PK_SQUARE, PB(PR_MOB), 2, "schuilhuisje aan de bushalte",
	  "een schuilhuisje aan de bushalte",
	  { "Wachten in de regen {at}", "Bushalte {at} zonder dak" },
	  { "Vooral ouderen staan hier bij regen en wind soms een kwartier te wachten zonder enige "
	    "beschutting.",
	    "Er is zelfs geen bankje om even te zitten." },
	  "un abribus", "Les personnes âgées attendent le bus sous la pluie sans aucun abri.",
	  "a bus shelter", "Older people wait here in the rain with no shelter at all.",
	  "Bushaltestelle mit Dach bei {p}" },
	{ D_MOB, PK_SQUARE | PK_STREET | PK_STATION | PK_PARKING, PB(PR_PLEIN) | PB(PR_MOB) | PB(PR_DORP), 3,
	  "meer kortparkeerplaatsen", "meer kortparkeerplaatsen",
	  { "Parkeren {at} is onmogelijk", "Nergens plaats om even te stoppen {at}" },
	  { "Wie snel iets wil afhalen bij de bakker vindt nergens een plek.",
	    "Langparkeerders nemen hier de hele dag alle plaatsen in." },
	  "plus de places de stationnement de courte durée",
	  "Les voitures ventouses occupent toutes les places toute la journée.",
	  "more short-stay parking", "Commuters take all the spaces for the whole day.", NULL },
	{ D_MOB, PK_CROSS, PB(PR_MOB), 2, "langere groentijd voor voetgangers",
	  "een langere groentijd voor voetgangers",
	  { "Verkeerslicht {at} springt te snel op rood", "Meer tijd om over te steken {at}" },
	  { "Met een rollator of een kinderwagen haal je de overkant niet voor het licht weer op rood "
	    "springt.",
	    "Je wacht hier soms twee minuten en dan krijg je maar een paar seconden groen." },
	  "un feu vert plus long pour les piétons",
	  "Avec une poussette on n'arrive pas de l'autre côté avant le rouge.",
	  "a longer green light for pedestrians",
	  "With a pram or a walker you cannot reach the other side before it turns red.", NULL },
	{ D_MOB, PK_STATION | PK_SQUARE | PK_PARKING, PB(PR_MOB), 1, "deelauto's",
	  "een standplaats voor deelauto's",
	  { "Deelauto's {at}", "Autodelen mogelijk maken {at}" },
	  { "Veel gezinnen hebben een tweede auto die bijna nooit rijdt.",
	    "Met een paar deelauto's kan de buurt heel wat parkeerplaatsen uitsparen." },
	  "des voitures partagées",
	  "Beaucoup de familles ont une deuxième voiture qui ne roule presque jamais.",
	  "shared cars", "Many families keep a second car that hardly ever moves.", NULL },
	{ D_MOB, PK_PARKING | PK_SQUARE | PK_STREET, PB(PR_PLEIN) | PB(PR_MOB), 2, "laadpalen",
	  "laadpalen voor elektrische auto's",
	  { "Meer laadpalen {at}", "Waar moet ik mijn elektrische auto opladen?" },
	  { "Wie geen oprit heeft, kan thuis niet laden.",
	    "De enige laadpaal in de buurt is bijna altijd bezet." },
	  "des bornes de recharge", "Sans garage, impossible de recharger sa voiture à la maison.",
	  "charging points", "Without a driveway there is no way to charge at home.", NULL },
	{ D_MOB, PK_STREET, PB(PR_MOB), 2, "verbod op zwaar vervoer", "een verbod op zwaar vervoer",
	  { "Vrachtwagens weren uit {the}", "Sluipverkeer van vrachtwagens {at}" },
	  { "Sinds de werken aan de ring rijden hier dagelijks tientallen vrachtwagens door een smalle "
	    "woonstraat.",
	    "De huizen daveren als er een vrachtwagen passeert." },
	  "une interdiction des poids lourds",
	  "Des dizaines de camions traversent chaque jour cette petite rue résidentielle.",
	  "a ban on heavy goods vehicles",
	  "Dozens of lorries a day use this narrow residential street as a shortcut.",
	  NULL },
	{ D_MOB, PK_STREET, PB(PR_MOB), 1, "eenrichtingsverkeer", "eenrichtingsverkeer",
	  { "Eenrichtingsverkeer invoeren {at}", "{P} te smal voor verkeer in twee richtingen" },
	  { "Twee auto's kunnen elkaar hier niet kruisen, dus iedereen rijdt over het voetpad.",
	    "Met eenrichtingsverkeer komt er ook plaats voor een fietssuggestiestrook." },
	  "un sens unique", "Deux voitures ne peuvent pas se croiser, tout le monde monte sur le trottoir.",
	  "one-way traffic", "Two cars cannot pass each other, so everyone drives onto the pavement.", NULL },

	/* Openbare werken */
	{ D_OW, PK_STREET | PK_SQUARE | PK_PARKING, 0, 5, "herstelling van het wegdek",
	  "een herstelling van het wegdek",
	  { "Putten in de weg {at}", "Wegdek {at} in slechte staat" },
	  { "Er zitten diepe putten in de weg waar je met de fiets zo in rijdt.",
	    "Na elke regenbui staan de putten vol water en zie je ze niet meer." },
	  "une réparation de la chaussée", "Il y a des nids-de-poule profonds, dangereux pour les cyclistes.",
	  "road repairs", "There are deep potholes that cyclists ride straight into.", "Schlaglöcher: {p}" },
	{ D_OW, PK_STREET | PK_SQUARE, PB(PR_PLEIN) | PB(PR_MOB), 4, "vernieuwd voetpad",
	  "een vernieuwd voetpad",
	  { "Voetpad {at} ligt helemaal scheef", "Struikelen over losse tegels {at}" },
	  { "De tegels liggen los en boomwortels duwen het voetpad omhoog.",
	    "Mijn moeder is hier vorige maand gevallen met haar rollator." },
	  "un trottoir refait", "Les dalles bougent et les racines soulèvent le trottoir.",
	  "a repaired pavement", "Loose tiles and tree roots make the pavement a trip hazard.", NULL },
	{ D_OW, PK_STREET | PK_PARK | PK_RIVER | PK_PARKING | PK_CROSS, PB(PR_PLEIN) | PB(PR_MOB), 4,
	  "betere straatverlichting", "betere straatverlichting",
	  { "Het is aardedonker {at}", "Lantaarnpaal {at} al weken kapot" },
	  { "'s Avonds zie je hier geen hand voor ogen.",
	    "Sinds de lampen zijn vervangen, is het hier veel donkerder dan vroeger." },
	  "un meilleur éclairage public", "Le soir, on ne voit absolument rien ici.",
	  "better street lighting", "In the evening it is pitch dark here.", NULL },
	{ D_OW, PK_STREET | PK_SQUARE | PK_PARKING, 0, 3, "aanpak van de wateroverlast",
	  "een oplossing voor de wateroverlast",
	  { "Wateroverlast {at} bij elke onweersbui", "Riolering {at} kan het water niet aan" },
	  { "Bij elke stevige regenbui loopt de straat onder en komt het water tot aan de voordeur.",
	    "De putjes zitten vol bladeren en worden nooit gekuist." },
	  "une solution aux inondations", "À chaque orage, la rue est inondée jusqu'aux portes.",
	  "a fix for the flooding", "Every heavy shower floods the street up to our front doors.", NULL },
	{ D_OW, PK_SQUARE | PK_PARK | PK_STATION, PB(PR_PLEIN) | PB(PR_BUDGET), 3, "openbaar toilet",
	  "een openbaar toilet",
	  { "Geen enkel toilet {at}", "Openbaar sanitair {at}" },
	  { "Wie met kleine kinderen of als oudere op pad is, moet nu op café gaan om naar het toilet te "
	    "kunnen.",
	    "Op marktdag is er nergens een toilet te vinden." },
	  "des toilettes publiques",
	  "Avec des petits enfants, il faut entrer dans un café pour aller aux toilettes.",
	  "a public toilet", "With small children you have to go into a café just to use a toilet.",
	  "Öffentliche Toilette: {p}" },
	{ D_OW, PK_SQUARE | PK_PARK | PK_RIVER | PK_STREET, PB(PR_PLEIN) | PB(PR_BUDGET) | PB(PR_DORP), 4,
	  "extra zitbanken", "extra zitbanken",
	  { "Nergens om even te zitten {at}", "Bankjes {at}" },
	  { "Voor oudere mensen is het een hele tocht zonder ergens te kunnen rusten.",
	    "De enige bank die er stond, is vorig jaar weggehaald en nooit teruggeplaatst." },
	  "des bancs supplémentaires", "Pour les personnes âgées, il n'y a nulle part où se reposer.",
	  "more benches", "Older people have nowhere to sit down and rest.", "Sitzbänke: {p}" },
	{ D_OW, PK_PARK | PK_SQUARE | PK_SPORT | PK_PLAY, PB(PR_PLEIN) | PB(PR_BUDGET), 2,
	  "drinkwaterfontein",
	  "een drinkwaterfontein",
	  { "Gratis drinkwater {at}", "Waterpunt voor wandelaars en sporters {at}" },
	  { "Op warme dagen is hier nergens water te krijgen.",
	    "Zo moeten we ook minder plastic flesjes kopen." },
	  "une fontaine d'eau potable", "Quand il fait chaud, il n'y a de l'eau nulle part.",
	  "a drinking fountain", "On hot days there is no water to be had anywhere here.", NULL },
	{ D_OW, PK_STREET | PK_CROSS | PK_SQUARE | PK_STATION, PB(PR_PLEIN) | PB(PR_MOB), 2,
	  "verlaagde boordstenen",
	  "verlaagde boordstenen",
	  { "Onbereikbaar met de rolstoel {at}", "Hoge stoepranden {at}" },
	  { "Met een rolstoel of scootmobiel raak je hier het voetpad niet op of af.",
	    "Ik moet met mijn rolstoel op de rijweg rijden omdat de boordstenen te hoog zijn." },
	  "des bordures abaissées", "En fauteuil roulant, impossible de monter ou descendre du trottoir.",
	  "dropped kerbs", "In a wheelchair you cannot get on or off the pavement here.", NULL },
	{ D_OW, PK_SQUARE | PK_PARK, PB(PR_PLEIN) | PB(PR_DORP), 3, "waterspel",
	  "een waterspel voor kinderen",
	  { "Een fontein of waterspel {at}", "Verkoeling voor de kinderen {at}" },
	  { "In de zomer is het hier een hitte-eiland zonder enige verkoeling.",
	    "Kinderen spelen graag met water en ouders kunnen ondertussen op een terras zitten." },
	  "des jeux d'eau", "En été c'est un îlot de chaleur sans aucune fraîcheur.",
	  "a water play area", "In summer it is a heat island with nothing to cool down.", NULL },

	/* Groen en milieu */
	{ D_GROEN, PK_STREET | PK_SQUARE | PK_PARKING | PK_SCHOOL, PB(PR_PLEIN) | PB(PR_DORP) | PB(PR_BUDGET),
	  5,
	  "meer bomen", "extra bomen",
	  { "Meer groen {at}", "Bomen planten {at}" },
	  { "Het is hier één grote stenen vlakte die in de zomer bloedheet wordt.",
	    "Een paar bomen zouden schaduw geven en de buurt een pak aangenamer maken." },
	  "plus d'arbres", "Tout est minéral ici, c'est une fournaise en été.",
	  "more trees", "It is one big stone surface here that gets boiling hot in summer.",
	  "Mehr Bäume: {p}" },
	{ D_GROEN, PK_PARK | PK_RIVER | PK_STREET, PB(PR_BUDGET), 3, "bloemenweide", "een bloemenweide",
	  { "Minder maaien, meer bloemen {at}", "Wilde bloemen {at}" },
	  { "Het gras wordt hier kortgemaaid terwijl het een mooie plek voor bijen en vlinders kan zijn.",
	    "Laat een stuk van het grasveld gewoon bloeien." },
	  "une prairie fleurie",
	  "L'herbe est tondue à ras alors que ce serait un bel endroit pour les abeilles.",
	  "a wildflower meadow", "The grass is mown short although this could be a lovely spot for bees.",
	  NULL },
	{ D_GROEN, PK_PARK | PK_SQUARE | PK_RIVER | PK_STATION | PK_PLAY, PB(PR_PLEIN), 4,
	  "extra vuilnisbakken",
	  "meer vuilnisbakken",
	  { "Vuilbakken puilen uit {at}", "Te weinig vuilnisbakken {at}" },
	  { "In het weekend liggen de blikjes en frietbakjes overal in het gras.",
	    "De vuilbakken worden te weinig geledigd en de meeuwen doen de rest." },
	  "plus de poubelles", "Le week-end, les canettes traînent partout dans l'herbe.",
	  "more litter bins", "At weekends cans and chip trays are all over the grass.",
	  "Mehr Mülleimer: {p}" },
	{ D_GROEN, PK_RIVER | PK_PARKING | PK_STREET | PK_PARK, 0, 3, "aanpak van sluikstorten",
	  "een aanpak van het sluikstorten",
	  { "Sluikstort {at}", "Elke week afval gedumpt {at}" },
	  { "Er worden hier elke week zakken huisvuil en zelfs oude matrassen gedumpt.",
	    "Een camera of meer controles zou al veel helpen." },
	  "une lutte contre les dépôts clandestins",
	  "Chaque semaine on y dépose des sacs poubelles et même des matelas.",
	  "action against fly-tipping", "Every week people dump rubbish bags and even old mattresses here.",
	  NULL },
	{ D_GROEN, PK_PARK, PB(PR_BUDGET), 3, "omheinde hondenweide", "een omheinde hondenweide",
	  { "Hondenweide {at}", "Een plek waar honden los mogen {at}" },
	  { "Honden mogen nergens loslopen, dus doen mensen het dan maar tussen de spelende kinderen.",
	    "Met een omheinde weide is iedereen tevreden: de hondenbaasjes en de ouders." },
	  "un parc à chiens clôturé", "Les chiens ne peuvent courir librement nulle part.",
	  "a fenced dog park", "There is nowhere for dogs to run off the lead.", NULL },
	{ D_GROEN, PK_PARK | PK_BUILD, PB(PR_BUDGET), 2, "samentuin", "een samentuin",
	  { "Samentuin {at}", "Moestuintjes voor wie geen tuin heeft {at}" },
	  { "Veel mensen in appartementen zouden graag groenten kweken, maar hebben geen tuin.",
	    "Een samentuin brengt ook de buren samen." },
	  "un potager partagé", "Beaucoup d'habitants en appartement aimeraient cultiver des légumes.",
	  "a community garden", "Many people in flats would love to grow vegetables but have no garden.",
	  NULL },
	{ D_GROEN, PK_STREET, PB(PR_BUDGET), 2, "geveltuintjes", "geveltuintjes",
	  { "Geveltuintjes toelaten {at}", "Tegels eruit, planten erin {at}" },
	  { "Met een smalle strook planten langs de gevels wordt de straat meteen groener.",
	    "De gemeente zou de tegels kunnen wegnemen als bewoners de plantjes verzorgen." },
	  "des jardins de façade", "Une petite bande de plantes le long des façades verdirait la rue.",
	  "pavement gardens along the houses",
	  "A narrow strip of plants along the houses would make the street greener.",
	  NULL },
	{ D_GROEN, PK_SQUARE | PK_PARKING | PK_SCHOOL | PK_PLAY, PB(PR_PLEIN) | PB(PR_DORP) | PB(PR_PLAY), 3,
	  "ontharding",
	  "minder beton en meer groen",
	  { "Ontharden {at}", "Weg met het beton {at}" },
	  { "Er ligt hier veel meer beton dan nodig, het regenwater kan nergens in de grond.",
	    "Een deel van de verharding kan er perfect uit om plaats te maken voor gras en struiken." },
	  "moins de béton", "Il y a beaucoup plus de béton que nécessaire ici.",
	  "less concrete and more green",
	  "There is far more concrete here than needed; rain has nowhere to soak in.",
	  NULL },
	{ D_GROEN, PK_SQUARE | PK_PARKING | PK_STREET, 0, 2, "ondergrondse glasbol",
	  "een ondergrondse glasbol",
	  { "Glasbollen {at} altijd vol", "Lawaai van de glascontainers {at}" },
	  { "De glasbollen zitten elk weekend overvol en er staan zakken flessen naast.",
	    "Een ondergrondse container zou minder lawaai maken en netter zijn." },
	  "une bulle à verre enterrée", "Les bulles à verre débordent chaque week-end.",
	  "an underground bottle bank", "The bottle banks overflow every weekend.", NULL },
	{ D_GROEN, PK_PARK | PK_SCHOOL | PK_RIVER, PB(PR_BUDGET) | PB(PR_PLAY), 2,
	  "nestkastjes en insectenhotels",
	  "nestkastjes en een insectenhotel",
	  { "Nestkastjes {at}", "Insectenhotel bouwen met de buurt {at}" },
	  { "Met de kinderen van de buurt zouden we die graag zelf in elkaar timmeren.",
	    "Er zijn hier steeds minder vogels te zien." },
	  "des nichoirs et un hôtel à insectes",
	  "Les enfants du quartier aimeraient les construire eux-mêmes.",
	  "nest boxes and an insect hotel",
	  "The children of the neighbourhood would love to build them themselves.",
	  NULL },

	/* Cultuur */
	{ D_CULT, PK_PARK | PK_SQUARE | PK_RIVER, PB(PR_BUDGET) | PB(PR_PLEIN), 2, "openluchtcinema",
	  "een openluchtcinema in de zomer",
	  { "Film onder de sterren {at}", "Zomerse filmavonden {at}" },
	  { "Een paar zomeravonden met een groot scherm en een picknick zou de hele buurt samenbrengen.",
	    "In andere gemeenten is dat een groot succes." },
	  "du cinéma en plein air",
	  "Quelques soirées d'été avec un grand écran rassembleraient tout le quartier.",
	  "an open-air cinema in summer",
	  "A few summer evenings with a big screen would bring the whole neighbourhood together.",
	  "Freiluftkino im Sommer" },
	{ D_CULT, TA, 0, 2, "ruimere openingsuren van de bib", "ruimere openingsuren van de bibliotheek",
	  { "Bib ook open op zondag {at}", "Langere openingsuren voor de bibliotheek" },
	  { "Wie voltijds werkt, geraakt nooit in de bib voor ze sluit.",
	    "Op zaterdagnamiddag is de bib gesloten, net wanneer gezinnen tijd hebben." },
	  "des heures d'ouverture plus larges pour la bibliothèque",
	  "Quand on travaille à temps plein, on n'arrive jamais à la bibliothèque avant la fermeture.",
	  "longer library opening hours",
	  "If you work full time you can never get to the library before it closes.",
	  NULL },
	{ D_CULT, PK_BUILD | PK_STATION | PK_CROSS | PK_SPORT, PB(PR_BUDGET), 2, "muurschildering",
	  "een muurschildering",
	  { "Kunst op de grijze muur {at}", "Street art {at}" },
	  { "Die kale betonnen muur is een doorn in het oog en trekt graffiti aan.",
	    "Laat jonge kunstenaars uit de gemeente er iets moois van maken." },
	  "une fresque murale", "Ce mur gris en béton attire les graffitis.",
	  "a mural", "That bare concrete wall is an eyesore and attracts graffiti.", NULL },
	{ D_CULT, PK_SQUARE | PK_PARK, PB(PR_PLEIN) | PB(PR_DORP), 2, "zomerconcerten",
	  "gratis zomerconcerten",
	  { "Muziek {at} in de zomer", "Zomerconcerten {at}" },
	  { "Op vrijdagavond wat livemuziek van lokale bands, dat zou de plek weer doen leven.",
	    "Er is genoeg talent in de muziekacademie om dat te laten spelen." },
	  "des concerts d'été gratuits", "Un peu de musique live le vendredi soir ferait revivre l'endroit.",
	  "free summer concerts",
	  "Some live music by local bands on Friday evenings would bring the place to life.",
	  NULL },
	{ D_CULT, TA, PB(PR_PLAY), 1, "repetitieruimte voor bands", "een repetitieruimte voor jonge bands",
	  { "Oefenlokaal voor muzikanten {at}", "Waar kunnen jonge bands repeteren?" },
	  { "Jonge muzikanten moeten nu uitwijken naar de stad of in een garage spelen tot de buren klagen.",
	    "Een geluidsdichte ruimte die je per uur kan huren, zou al volstaan." },
	  "un local de répétition pour les groupes",
	  "Les jeunes musiciens doivent aller en ville pour répéter.",
	  "a rehearsal room for bands",
	  "Young musicians have to go to the city or play in a garage until the neighbours complain.",
	  NULL },
	{ D_CULT, PK_SQUARE | PK_BUILD | PK_RIVER | PK_STREET, PB(PR_BUDGET) | PB(PR_DORP), 2,
	  "infoborden over de geschiedenis", "infoborden over de geschiedenis van de plek",
	  { "Vertel het verhaal van {the}", "Erfgoedwandeling met infoborden {at}" },
	  { "Weinig mensen weten wat hier vroeger stond.",
	    "Met een QR-code op elk bord kan je ook oude foto's bekijken." },
	  "des panneaux sur l'histoire du lieu", "Peu de gens savent ce qui se trouvait ici autrefois.",
	  "information panels on local history", "Few people know what used to stand here.", NULL },
	{ D_CULT, PK_PARK | PK_SQUARE | PK_STATION | PK_PLAY, PB(PR_BUDGET), 2, "boekenruilkastje",
	  "een boekenruilkastje",
	  { "Boekenruilkast {at}", "Ruil je boek {at}" },
	  { "Neem een boek, laat een boek: simpel en gezellig.",
	    "Ik wil het kastje zelf onderhouden als de gemeente het plaatst." },
	  "une boîte à livres", "Prends un livre, dépose un livre : simple et convivial.",
	  "a book exchange box", "Take a book, leave a book: simple and friendly.", "Bücherschrank: {p}" },
	{ D_CULT, TW, 0, 1, "goedkopere tickets voor het cultuurcentrum",
	  "goedkopere tickets voor het cultuurcentrum",
	  { "Cultuur voor iedereen betaalbaar", "Kortingstarief in het cultuurcentrum" },
	  { "Voor gezinnen met een klein budget is een voorstelling in het cultuurcentrum onbetaalbaar "
	    "geworden.",
	    "Een vrijetijdspas met korting zou veel mensen over de drempel helpen." },
	  "des billets moins chers au centre culturel",
	  "Pour les familles à petit budget, un spectacle est devenu inabordable.",
	  "cheaper tickets at the cultural centre",
	  "For families on a tight budget a show at the cultural centre is unaffordable.", NULL },

	/* Sport */
	{ D_SPORT, PK_PARK | PK_SPORT, PB(PR_BUDGET), 2, "finse piste", "een finse piste",
	  { "Looppiste {at}", "Zacht lopen: finse piste {at}" },
	  { "Lopen op beton is slecht voor de knieën; een looppiste van houtschors zou ideaal zijn.",
	    "Veel lopers komen hier 's avonds trainen." },
	  "une piste finlandaise", "Courir sur le béton est mauvais pour les genoux.",
	  "a woodchip running track", "Running on concrete is bad for your knees.", NULL },
	{ D_SPORT, PK_POOL, 0, 2, "ruimere openingsuren van het zwembad",
	  "ruimere openingsuren van het zwembad",
	  { "Zwembad ook 's avonds open", "Vroeg zwemmen voor het werk {at}" },
	  { "Nu sluit het zwembad om 19 uur, net wanneer werkende mensen tijd hebben.",
	    "Een baantje trekken om 7 uur 's ochtends zou voor veel mensen ideaal zijn." },
	  "des heures d'ouverture plus larges à la piscine",
	  "La piscine ferme à 19 heures, juste quand les gens qui travaillent ont le temps.",
	  "longer swimming pool opening hours",
	  "The pool closes at 7 pm, just when working people have time.",
	  "Schwimmbad länger offen" },
	{ D_SPORT, PK_PARK | PK_RIVER, PB(PR_BUDGET), 2, "outdoor fitnesstoestellen",
	  "outdoor fitnesstoestellen",
	  { "Buiten sporten {at}", "Fitnesstoestellen langs het wandelpad {at}" },
	  { "Niet iedereen kan een abonnement in de fitness betalen.",
	    "Ook voor senioren zijn er toestellen die helpen om fit te blijven." },
	  "des appareils de fitness en plein air", "Tout le monde ne peut pas se payer une salle de sport.",
	  "outdoor fitness equipment", "Not everyone can afford a gym membership.", NULL },
	{ D_SPORT, PK_PARK | PK_SPORT | PK_PLAY, PB(PR_BUDGET) | PB(PR_PLAY), 3, "pannakooi",
	  "een pannakooi of basketbalveldje",
	  { "Pannakooi {at}", "Basketbalring voor de jongeren {at}" },
	  { "De jongeren voetballen nu tegen de garagepoorten van de buren.",
	    "Een pleintje om te sporten geeft de tieners een eigen plek." },
	  "un terrain multisport", "Les jeunes jouent au foot contre les portes de garage des voisins.",
	  "a small football cage or basketball court",
	  "The teenagers now play football against the neighbours' garage doors.",
	  NULL },
	{ D_SPORT, PK_SPORT, 0, 2, "meer uren in de sporthal voor clubs",
	  "meer uren in de sporthal voor lokale clubs",
	  { "Sporthal {at} altijd volgeboekt", "Eerlijke verdeling van de zaaluren" },
	  { "Onze volleybalclub krijgt maar één uur per week, terwijl we een wachtlijst hebben.",
	    "Lokale clubs zouden voorrang moeten krijgen op bedrijven van buiten de gemeente." },
	  "plus d'heures pour les clubs au hall omnisports",
	  "Notre club de volley n'a qu'une heure par semaine.",
	  "more sports hall time for local clubs",
	  "Our volleyball club gets only one hour a week despite a waiting list.",
	  NULL },
	{ D_SPORT, PK_PARK | PK_SPORT | PK_PLAY, PB(PR_PLAY) | PB(PR_BUDGET), 3, "skatepark", "een skatepark",
	  { "Skatepark {at}", "Plek om te skaten en te steppen {at}" },
	  { "Nu skaten de jongeren op de parking van de supermarkt en worden ze daar weggejaagd.",
	    "Een paar ramps en een rail zijn genoeg om te beginnen." },
	  "un skatepark", "Les jeunes font du skate sur le parking du supermarché.",
	  "a skate park", "Young people skate in the supermarket car park and get chased away.",
	  "Skatepark: {p}" },
	{ D_SPORT, PK_SPORT, 0, 1, "verlichting op het oefenveld", "verlichting op het oefenveld",
	  { "Licht op het trainingsveld {at}", "In de winter trainen in het donker {at}" },
	  { "Vanaf november kunnen de jeugdploegen na 17 uur niet meer trainen.",
	    "Met ledverlichting kost dat ook niet zoveel energie meer." },
	  "l'éclairage du terrain d'entraînement",
	  "Dès novembre, les équipes de jeunes ne peuvent plus s'entraîner après 17 heures.",
	  "floodlights on the training pitch", "From November the youth teams cannot train after 5 pm.",
	  NULL },

	/* Jeugd en onderwijs */
	{ D_JEUGD, PK_PLAY | PK_PARK, PB(PR_PLAY) | PB(PR_BUDGET), 5, "nieuwe speeltoestellen",
	  "nieuwe speeltoestellen",
	  { "Speeltuin {at} is versleten", "Nieuwe schommels en glijbaan {at}" },
	  { "De schommel is al maanden kapot en de glijbaan heeft scherpe randen.",
	    "Er is niets voor kinderen jonger dan drie jaar." },
	  "de nouveaux jeux pour enfants", "La balançoire est cassée depuis des mois.",
	  "new play equipment", "The swing has been broken for months and the slide has sharp edges.",
	  "Neue Spielgeräte: {p}" },
	{ D_JEUGD, PK_PLAY | PK_PARK, PB(PR_PLAY), 3, "speelplek voor grotere kinderen",
	  "een speelplek voor kinderen vanaf tien jaar",
	  { "Ook iets voor de oudere kinderen {at}", "Klimrek en kabelbaan {at}" },
	  { "Alles is gemaakt voor kleuters; wie tien is, verveelt zich hier na vijf minuten.",
	    "Een klimtoestel of kabelbaan zou de oudere kinderen weer buiten krijgen." },
	  "un espace de jeu pour les plus grands",
	  "Tout est prévu pour les tout-petits ; à dix ans on s'ennuie vite.",
	  "a play area for older children",
	  "Everything is designed for toddlers; ten-year-olds are bored after five minutes.",
	  NULL },
	{ D_JEUGD, PK_PARK | PK_SQUARE | PK_BUILD, PB(PR_PLAY), 3, "overdekte hangplek voor jongeren",
	  "een overdekte hangplek voor jongeren",
	  { "Een plek voor tieners {at}", "Jongeren hebben nergens een plek {at}" },
	  { "Overal worden we weggestuurd, terwijl we gewoon samen willen zitten.",
	    "Een afdak met een paar banken en een stopcontact is al genoeg." },
	  "un abri pour les jeunes",
	  "Les jeunes sont chassés de partout alors qu'ils veulent juste se retrouver.",
	  "a covered hangout for teenagers",
	  "Teenagers get sent away everywhere although they just want to sit together.",
	  NULL },
	{ D_JEUGD, PK_PLAY | PK_SCHOOL, PB(PR_PLAY) | PB(PR_BUDGET), 3, "schaduw", "meer schaduw",
	  { "Geen schaduw {at}", "Zonnezeil of bomen {at}" },
	  { "In juni is het hier zo heet dat de kinderen binnen moeten blijven.",
	    "Een zonnezeil zou al een groot verschil maken." },
	  "plus d'ombre", "En juin il fait si chaud que les enfants doivent rester à l'intérieur.",
	  "more shade", "In June it gets so hot that the children have to stay indoors.", NULL },
	{ D_JEUGD, PK_SCHOOL, 0, 2, "meer plaatsen in de naschoolse opvang",
	  "meer plaatsen in de naschoolse opvang",
	  { "Wachtlijst voor de opvang {at}", "Opvang na school {at}" },
	  { "Wij staan al maanden op een wachtlijst en moeten elke dag vroeger van het werk weg.",
	    "De opvang sluit om 18 uur, te vroeg voor wie pendelt." },
	  "plus de places en garderie après l'école", "Nous sommes sur liste d'attente depuis des mois.",
	  "more after-school childcare places", "We have been on a waiting list for months.", NULL },
	{ D_JEUGD, TA, PB(PR_PLAY), 2, "studeerplekken tijdens de examens",
	  "extra studeerplekken tijdens de examens",
	  { "Blokken in de bib: te weinig plaats", "Studeerruimte voor studenten {at}" },
	  { "Thuis is het te druk om te studeren en de bib zit om 10 uur al vol.",
	    "Misschien kan een zaal in het gemeentehuis of een school opengesteld worden." },
	  "des places d'étude pendant les examens", "À la maison il y a trop de bruit pour étudier.",
	  "study spaces during exam periods",
	  "It is too noisy to study at home and the library is full by 10 am.", NULL },
	{ D_JEUGD, PK_PARK, PB(PR_PLAY) | PB(PR_BUDGET), 2, "speelbos", "een speelbos",
	  { "Speelbos {at}", "Kinderen laten ravotten {at}" },
	  { "Kinderen mogen nu nergens van de paden af.",
	    "Een stukje bos waar hutten bouwen mag, dat is alles wat ze nodig hebben." },
	  "un bois de jeux", "Les enfants ne peuvent jamais quitter les sentiers.",
	  "a woodland play area", "Children are never allowed off the paths.", NULL },
	{ D_JEUGD, PK_PLAY, PB(PR_PLAY), 2, "omheining rond de speeltuin", "een omheining rond de speeltuin",
	  { "Speeltuin {at} grenst aan drukke weg", "Hek rond de speeltuin {at}" },
	  { "Kleine kinderen lopen zo de straat op.", "Er komen ook honden in de zandbak." },
	  "une clôture autour de l'aire de jeux",
	  "Les petits enfants peuvent courir directement sur la route.",
	  "a fence around the playground", "Small children can run straight into the road.", NULL },

	/* Welzijn */
	{ D_WELZ, TA, 0, 2, "buurtrestaurant", "een buurtrestaurant",
	  { "Samen eten {at}", "Sociaal restaurant {at}" },
	  { "Een warme maaltijd aan een democratische prijs, en meteen wat gezelschap.",
	    "Veel alleenstaanden koken niet meer voor zichzelf." },
	  "un restaurant social de quartier", "Un repas chaud à prix démocratique, et un peu de compagnie.",
	  "a community restaurant", "A hot meal at a fair price, and some company too.", NULL },
	{ D_WELZ, TA, 0, 2, "boodschappendienst voor senioren", "een boodschappendienst voor senioren",
	  { "Hulp bij boodschappen voor ouderen {at}", "Vrijwilligers die boodschappen doen {at}" },
	  { "Sinds de supermarkt verhuisd is, geraken veel ouderen niet meer tot aan de winkel.",
	    "Er zijn vast buren die één keer per week willen helpen." },
	  "un service de courses pour les seniors",
	  "Depuis le déménagement du supermarché, beaucoup d'aînés ne peuvent plus faire leurs courses.",
	  "a shopping service for older people",
	  "Since the supermarket moved, many older residents cannot get to a shop.",
	  NULL },
	{ D_WELZ, PK_STREET | PK_SQUARE, PB(PR_BUDGET), 2, "steun voor buurtfeesten",
	  "steun voor buurtfeesten",
	  { "Buurtfeest {at} makkelijker maken", "Minder papierwerk voor straatfeesten" },
	  { "Voor een straatfeest moet je nu drie formulieren invullen en zes weken wachten.",
	    "Laat de gemeente tafels, nadarhekken en een feestkoffer uitlenen." },
	  "un soutien aux fêtes de quartier",
	  "Pour une fête de rue, il faut remplir trois formulaires et attendre six semaines.",
	  "support for street parties", "A street party now takes three forms and six weeks of waiting.",
	  NULL },
	{ D_WELZ, PK_BUILD | PK_SQUARE, 0, 2, "ontmoetingsruimte voor senioren",
	  "een ontmoetingsruimte voor senioren",
	  { "Een plek om elkaar te ontmoeten {at}", "Tegen eenzaamheid: ontmoetingsruimte {at}" },
	  { "Sinds het café gesloten is, is er voor ouderen nergens meer een plek om samen te komen.",
	    "Een kaartnamiddag of koffieochtend kan veel eenzaamheid voorkomen." },
	  "un lieu de rencontre pour les seniors",
	  "Depuis la fermeture du café, les aînés n'ont plus d'endroit où se retrouver.",
	  "a meeting place for older residents",
	  "Since the café closed there is nowhere left for older people to meet.",
	  NULL },
	{ D_WELZ, PK_PARK | PK_SQUARE | PK_RIVER, PB(PR_BUDGET) | PB(PR_PLEIN), 2, "babbelbank",
	  "een babbelbank",
	  { "Babbelbank {at}", "Een bank waar je een praatje kan slaan {at}" },
	  { "Wie op de babbelbank gaat zitten, laat zien dat een babbeltje welkom is.",
	    "Klein idee, maar voor wie alleen woont betekent het veel." },
	  "un banc de la causette", "S'asseoir sur ce banc, c'est dire qu'on a envie de bavarder.",
	  "a chat bench", "Sitting on it shows you are happy to have a chat.", NULL },
	{ D_WELZ, PK_BUILD | PK_STATION, 0, 2, "toegankelijke ingang", "een toegankelijke ingang",
	  { "Trappen zonder hellend vlak {at}", "Toegankelijke ingang {at}" },
	  { "Met een rolstoel of kinderwagen moet je aanbellen en wachten tot iemand je komt helpen.",
	    "Een hellend vlak en een automatische deur zouden het probleem oplossen." },
	  "une entrée accessible",
	  "En fauteuil roulant, il faut sonner et attendre que quelqu'un vienne aider.",
	  "a step-free entrance", "In a wheelchair you have to ring and wait for someone to help you in.",
	  NULL },
	{ D_WELZ, TW, 0, 1, "dementievriendelijke gemeente", "meer aandacht voor mensen met dementie",
	  { "Maak van Gravenvoorde een dementievriendelijke gemeente",
	    "Dementie: vorming voor handelaars en loketten" },
	  { "Mijn vader heeft dementie en verdwaalt soms in de buurt.",
	    "Als handelaars en loketmedewerkers weten hoe ze moeten reageren, helpt dat enorm." },
	  "une commune attentive aux personnes atteintes de démence",
	  "Mon père est atteint de démence et se perd parfois dans le quartier.",
	  "a dementia-friendly town", "My father has dementia and sometimes gets lost in the neighbourhood.",
	  NULL },
	{ D_WELZ, TA, 0, 1, "sociale kruidenier", "een sociale kruidenier",
	  { "Sociale kruidenier {at}", "Betaalbare boodschappen voor wie het moeilijk heeft" },
	  { "Steeds meer gezinnen komen niet rond op het einde van de maand.",
	    "In een sociale kruidenier kan je met korting basisproducten kopen, zonder dat het opvalt." },
	  "une épicerie sociale", "De plus en plus de familles ont du mal à boucler les fins de mois.",
	  "a social grocery", "More and more families cannot make ends meet at the end of the month.", NULL },

	/* Economie */
	{ D_ECO, PK_STREET | PK_SQUARE, PB(PR_PLEIN) | PB(PR_DORP), 3, "aanpak van de leegstand",
	  "een plan tegen de leegstand",
	  { "Lege winkels {at}", "Leegstand {at} wordt erg" },
	  { "Bijna één op de drie winkels staat hier leeg.",
	    "Geef starters een lagere huur in de eerste jaren." },
	  "un plan contre les commerces vides", "Presque un commerce sur trois est vide ici.",
	  "a plan against empty shops", "Nearly one shop in three is empty here.", NULL },
	{ D_ECO, PK_SQUARE, PB(PR_PLEIN) | PB(PR_DORP) | PB(PR_BUDGET), 2, "boerenmarkt",
	  "een boerenmarkt met lokale producten",
	  { "Boerenmarkt {at}", "Lokale producten op zaterdag {at}" },
	  { "Er zijn genoeg boeren in de streek die rechtstreeks willen verkopen.",
	    "Op zaterdagvoormiddag zou dat veel volk naar het plein trekken." },
	  "un marché fermier", "Il y a assez d'agriculteurs dans la région qui veulent vendre en direct.",
	  "a farmers' market", "There are plenty of farmers nearby who want to sell directly.",
	  "Bauernmarkt am Samstag" },
	{ D_ECO, PK_SQUARE | PK_STREET, PB(PR_PLEIN), 2, "blauwe zone", "een blauwe zone met parkeerschijf",
	  { "Blauwe zone {at}", "Gratis kort parkeren voor klanten {at}" },
	  { "Klanten van de winkels vinden geen plaats omdat bewoners en pendelaars er de hele dag staan.",
	    "Met een parkeerschijf blijft het gratis en toch is er rotatie." },
	  "une zone bleue", "Les clients des commerces ne trouvent pas de place.",
	  "a blue parking zone with a disc", "Shoppers cannot find a space because commuters park all day.",
	  NULL },
	{ D_ECO, PK_SQUARE, PB(PR_PLEIN) | PB(PR_DORP), 2, "ruimere terrassen", "meer ruimte voor terrassen",
	  { "Meer terrassen {at}", "Gezellige terrasjes {at}" },
	  { "Het plein is nu vooral een parking; met wat meer terrassen wordt het een echte ontmoetingsplek.",
	    "De horeca heeft het moeilijk genoeg, geef ze wat ruimte." },
	  "plus de place pour les terrasses",
	  "La place est surtout un parking ; avec des terrasses, elle deviendrait un lieu de rencontre.",
	  "more room for café terraces",
	  "The square is mostly a car park now; terraces would make it a real meeting place.",
	  NULL },
	{ D_ECO, PK_SQUARE | PK_STATION | PK_BUILD, PB(PR_PLEIN), 1, "gratis wifi", "gratis wifi",
	  { "Gratis wifi {at}", "Wifi-hotspot {at}" },
	  { "Handig voor toeristen en voor wie even iets moet opzoeken.",
	    "In de grote steden is dat al lang normaal." },
	  "du wifi gratuit", "Pratique pour les touristes et pour chercher une information.",
	  "free wifi", "Handy for visitors and for anyone who needs to look something up.",
	  "Kostenloses WLAN: {p}" },
	{ D_ECO, TW, 0, 1, "lokale cadeaubon", "een lokale cadeaubon",
	  { "Gravenvoordse cadeaubon voor lokale winkels", "Steun de lokale handel met een cadeaubon" },
	  { "Zo blijft het geld in onze eigen gemeente in plaats van bij de grote webwinkels.",
	    "Ook bedrijven kunnen die bon aan hun personeel geven." },
	  "un chèque-cadeau local",
	  "L'argent resterait dans la commune au lieu d'aller aux grandes boutiques en ligne.",
	  "a local gift voucher", "The money would stay in town instead of going to big online shops.",
	  NULL },
	{ D_ECO, PK_STREET | PK_SQUARE, PB(PR_PLEIN), 1, "pop-upwinkels", "pop-upwinkels in lege panden",
	  { "Pop-ups in de lege winkels {at}", "Starters kansen geven {at}" },
	  { "Laat jonge ondernemers een paar maanden goedkoop een leeg pand gebruiken.",
	    "Dat is beter dan vuile etalages met 'te huur'-borden." },
	  "des boutiques éphémères", "Laissez de jeunes entrepreneurs utiliser un local vide quelques mois.",
	  "pop-up shops in empty units",
	  "Let young entrepreneurs use an empty unit cheaply for a few months.", NULL },

	/* Veiligheid */
	{ D_VEIL, PK_STATION | PK_PARKING | PK_PARK, 0, 2, "camerabewaking", "camerabewaking",
	  { "Camera's {at}", "Fietsdiefstallen {at}" },
	  { "Er worden hier elke week fietsen gestolen.",
	    "Camera's zouden dieven afschrikken en helpen bij het onderzoek." },
	  "de la vidéosurveillance", "Des vélos sont volés ici chaque semaine.",
	  "CCTV", "Bikes get stolen here every week.", NULL },
	{ D_VEIL, PK_PARK | PK_SQUARE | PK_PLAY | PK_RIVER, 0, 3, "meer toezicht 's avonds",
	  "meer toezicht 's avonds",
	  { "Nachtlawaai {at}", "Overlast in het weekend {at}" },
	  { "Elk weekend is er tot diep in de nacht lawaai, en 's ochtends liggen er glasscherven.",
	    "Een gemeenschapswacht of de politie zou af en toe langs kunnen komen." },
	  "plus de surveillance le soir", "Chaque week-end il y a du bruit jusque tard dans la nuit.",
	  "more patrols in the evening",
	  "Every weekend there is noise late into the night and broken glass in the morning.",
	  NULL },
	{ D_VEIL, PK_CROSS | PK_RIVER | PK_STATION | PK_PARKING, PB(PR_MOB), 2,
	  "betere verlichting en een spiegel",
	  "betere verlichting en een spiegel",
	  { "Onveilig gevoel {at} als het donker is", "Donkere hoek {at}" },
	  { "Als vrouw durf ik hier na zonsondergang niet meer alleen door.",
	    "Er hangen altijd groepjes rond en je ziet niet wie er om de hoek staat." },
	  "un meilleur éclairage", "Le soir, je n'ose plus passer seule ici.",
	  "better lighting and a mirror", "As a woman I no longer dare to go through here alone after dark.",
	  NULL },
	{ D_VEIL, PK_STREET, PB(PR_MOB), 3, "snelheidscontroles", "meer snelheidscontroles",
	  { "Flitspaal {at}", "Trajectcontrole {at}" },
	  { "Ondanks de borden rijdt bijna iedereen hier veel te snel.",
	    "Een vaste flitspaal of trajectcontrole is de enige taal die ze begrijpen." },
	  "plus de contrôles de vitesse", "Malgré les panneaux, presque tout le monde roule trop vite.",
	  "speed checks", "Despite the signs almost everyone drives far too fast here.", NULL },
	{ D_VEIL, PK_SPORT | PK_BUILD | PK_SQUARE | PK_STATION, PB(PR_BUDGET), 2, "AED-toestel",
	  "een AED-toestel",
	  { "AED {at}", "Defibrillator ophangen {at}" },
	  { "Bij een hartstilstand telt elke minuut.",
	    "Het dichtstbijzijnde toestel hangt binnen in een gebouw dat 's avonds gesloten is." },
	  "un défibrillateur", "En cas d'arrêt cardiaque, chaque minute compte.",
	  "a defibrillator", "In a cardiac arrest every minute counts.", NULL },
	{ D_VEIL, PK_RIVER, 0, 2, "betere bescherming tegen hoogwater", "betere bescherming tegen hoogwater",
	  { "Hoogwater {at}", "Voorde treedt weer buiten haar oevers" },
	  { "Bij de laatste overstroming stonden de kelders hier een halve meter onder water.",
	    "De dijk is op sommige plaatsen veel te laag." },
	  "une meilleure protection contre les crues",
	  "Lors de la dernière crue, les caves étaient sous un demi-mètre d'eau.",
	  "better protection against flooding from the river",
	  "In the last flood the cellars here were under half a metre of water.",
	  NULL },
	{ D_VEIL, TA, 0, 2, "buurtinformatienetwerk", "een buurtinformatienetwerk",
	  { "Inbraken {at}", "Buurtinformatienetwerk opstarten {at}" },
	  { "Er is de laatste maanden al drie keer ingebroken in onze straat.",
	    "Met een BIN kunnen buren en politie sneller informatie delen." },
	  "un réseau d'information de quartier",
	  "Il y a eu trois cambriolages dans notre rue ces derniers mois.",
	  "a neighbourhood watch network", "There have been three burglaries in our street in recent months.",
	  NULL },

	/* Communicatie */
	{ D_COMM, TW, 0, 2, "infoblad op papier", "het infoblad op papier",
	  { "Infoblad op papier behouden", "Niet iedereen leest de nieuwsbrief online" },
	  { "Mijn ouders hebben geen computer en weten nu niet meer wat er in de gemeente gebeurt.",
	    "Een papieren versie op aanvraag zou al volstaan." },
	  "le bulletin communal sur papier",
	  "Mes parents n'ont pas d'ordinateur et ne savent plus ce qui se passe dans la commune.",
	  "the printed town newsletter",
	  "My parents have no computer and no longer know what is going on in town.", NULL },
	{ D_COMM, TW, 0, 2, "duidelijkere website", "een duidelijkere website",
	  { "Website van de gemeente is een doolhof", "Alles vinden op de website" },
	  { "Ik zocht de openingsuren van het recyclagepark en vond ze pas na tien minuten.",
	    "Zet de dingen die mensen het vaakst zoeken gewoon op de voorpagina." },
	  "un site web plus clair", "J'ai cherché les horaires du parc à conteneurs pendant dix minutes.",
	  "a clearer website", "It took me ten minutes to find the recycling centre's opening hours.", NULL },
	{ D_COMM, TW, 0, 2, "meldingsapp", "een app om problemen te melden",
	  { "App om kapotte dingen te melden", "Meldpunt met foto en locatie" },
	  { "Een foto van een kapotte lantaarnpaal doorsturen met de locatie erbij, dat zou veel mails "
	    "besparen.",
	    "Dan kan je ook volgen wanneer het hersteld wordt." },
	  "une application pour signaler les problèmes",
	  "Envoyer une photo avec la localisation économiserait beaucoup d'e-mails.",
	  "an app to report problems", "Sending a photo with the location would save a lot of e-mails.",
	  NULL },
	{ D_COMM, TW, 0, 1, "infovergaderingen 's avonds",
	  "infovergaderingen op momenten dat werkende mensen kunnen",
	  { "Infoavonden niet om 17 uur", "Verslag van de infoavond online zetten" },
	  { "Wie werkt, kan niet naar een infomoment om vijf uur 's namiddags.",
	    "Zet de presentatie en het verslag achteraf online voor wie er niet bij kon zijn." },
	  "des réunions d'information en soirée",
	  "Quand on travaille, impossible d'assister à une réunion à 17 heures.",
	  "information evenings outside working hours", "People who work cannot attend a meeting at 5 pm.",
	  NULL },
	{ D_COMM, TA, PB(PR_DORP), 2, "wijkraad", "een wijkraad",
	  { "Wijkraad {at}", "Inspraak per wijk: een wijkraad {at}" },
	  { "Zo kunnen buurtbewoners samen prioriteiten voor hun wijk bepalen.",
	    "Een keer per kwartaal samenkomen met een schepen zou al veel helpen." },
	  "un conseil de quartier", "Les habitants pourraient fixer ensemble les priorités du quartier.",
	  "a neighbourhood council", "Residents could set priorities for their area together.", NULL },
	{ D_COMM, TW, 0, 1, "informatie in eenvoudige taal", "informatie in eenvoudige taal",
	  { "Gemeentelijke brieven in eenvoudige taal", "Brieven van de gemeente zijn onbegrijpelijk" },
	  { "Ik begreep de brief over de nieuwe belasting pas na drie keer lezen, en ik ben Nederlandstalig.",
	    "Korte zinnen en een voorbeeld zouden veel vragen aan het loket voorkomen." },
	  "des informations en langage simple", "J'ai dû lire trois fois la lettre sur la nouvelle taxe.",
	  "information in plain language", "I had to read the letter about the new tax three times.", NULL },
};
#undef TW
#undef TA

/* Titles built from a topic's request and a place. */
static const char *const demo_title_nl[] = {
	"{Thing} {at}", "Graag {what} {at}", "{What} {at}, kan dat?", "{P}: {thing}",
	"Voorstel: {what} {at}", "{Thing} {at} aub", "Vraag naar {what} {at}", "Idee: {what} {at}",
};
static const char *const demo_title_fr[] = {
	"{What} {at}", "Demande : {what} {at}", "Pourrait-on avoir {what} {at} ?", "{P} : {what} svp",
	"Proposition : {what} {at}",
};
static const char *const demo_title_en[] = {
	"{What} {at}", "Please: {what} {at}", "Could we have {what} {at}?", "{P}: {what} needed",
	"Request for {what} {at}",
};
/* For ideas about a whole area or the whole town. */
static const char *const demo_title_nl_general[] = {
	"Graag {what} {at}", "Voorstel: {what}", "Idee: {what}", "{Thing}?",
};

/* Pieces of a citizen's body text. */
static const char *const demo_open_nl[] = {
	"Beste,", "Hallo,", "Dag,", "Beste gemeente,", "Goeiedag,", "Hallo allemaal,", "Beste schepen,",
	"Dag iedereen,", "Hoi,",
};
static const char *const demo_context_nl[] = {
	"Ik woon al {n} jaar {area_at}.", "Ik kom hier elke dag voorbij met de fiets.",
	"Als mama van twee kinderen kom ik hier dagelijks.", "Wij wonen sinds kort {area_at}.",
	"Ik wandel hier vaak met de hond.", "Onze kinderen gaan hier naar school.",
	"Als gepensioneerde ben ik veel te voet.",
	"Ik ben een van de buren en spreek ook namens een paar anderen.",
	"Ik werk in de buurt en kom hier elke middag langs.",
	"We zijn met de buren hierover aan het praten geweest.",
	"Mijn dochter van negen fietst hier alleen naar school.",
	"Ik zit zelf in een rolstoel sinds een paar jaar.",
};
static const char *const demo_motive_nl[D_COUNT][3] = {
	[D_MOB] = { "Zeker tijdens de spits is het hier gevaarlijk.",
	"Ik heb hier al verschillende bijna-ongevallen gezien.",
		    "Er rijden hier veel te veel auto's door." },
	[D_OW] = { "Het is al maanden zo en er gebeurt niets.",
	"Voor mensen met een rollator is dit echt een probleem.",
		   "Dat zou nu eens echt een verbetering zijn." },
	[D_GROEN] = { "Dat zou de buurt een pak aangenamer maken.", "Goed voor de bijen en voor het klimaat.",
		      "Een groene buurt is ook een gezonde buurt." },
	[D_CULT] = { "Er is in onze gemeente te weinig te doen op zomeravonden.",
	"Cultuur brengt mensen samen.",
		     "Zo leren de mensen uit de buurt elkaar ook beter kennen." },
	[D_SPORT] = { "Veel clubs zoeken nu ruimte buiten de gemeente.", "Sporten moet voor iedereen kunnen.",
		      "Zo blijven jongeren ook na hun vijftiende sporten." },
	[D_JEUGD] = { "De kinderen hebben hier nu amper plaats om te spelen.",
	"Kinderen moeten buiten kunnen spelen.",
		      "Er wonen hier de laatste jaren veel jonge gezinnen." },
	[D_WELZ] = { "Veel ouderen in de buurt zitten alleen thuis.",
	"Het zijn vaak kleine dingen die het verschil maken.",
		     "Niet iedereen durft hulp te vragen." },
	[D_ECO] = { "Zo blijft het centrum levendig.", "Onze handelaars verdienen wat steun.",
		    "Anders rijdt iedereen naar het shoppingcenter buiten de gemeente." },
	[D_VEIL] = { "Ik voel me hier 's avonds niet veilig.", "Er is al eens iemand lastiggevallen.",
		     "De politie kent het probleem, maar er verandert niets." },
	[D_COMM] = { "Niet iedereen is mee met het digitale.", "Goede informatie voorkomt veel frustratie.",
		     "De gemeente moet voor iedereen begrijpelijk zijn." },
};
static const char *const demo_extra_nl[] = {
	"Ik heb er een foto van gemaakt, maar ik kan die hier niet toevoegen.",
	"Dit werd vroeger al eens gevraagd, maar ik heb er nooit iets van gehoord.",
	"Ik help graag mee als dat nodig is.",
	"In een buurgemeente hebben ze dat ook gedaan en dat werkt prima.",
	"Het hoeft niet duur te zijn.", "Misschien kan dit mee in de plannen voor volgend jaar?",
	"Ik weet niet of dit bij de juiste dienst terechtkomt.", "Vooral in het weekend is het erg.",
};
static const char *const demo_close_nl[] = {
	"Alvast bedankt!", "Bedankt om dit te bekijken.", "Groetjes", "Mvg", "Met vriendelijke groeten",
	"Hopelijk komt hier snel iets van.", "Wat denken jullie ervan?", "Ik hoor graag iets.", "Dank u!",
	"Dank bij voorbaat.",
};
/* Flemish spoken forms a part of the citizens type as they speak. */
static const char *const demo_tussentaal[][2] = {
	{ " niet ", " ni " }, { " dat ", " da " }, { " goed", " goe" }, { " je ", " ge " }, { "Het is ",
	  "'t Is " },
	{ " het ", " 't " }, { " een ", " ne " }, { " heel ", " kei " }, { " kunnen ", " kunne " },
	{ " hebben ", " hebbe " }, { " jij ", " gij " }, { " jullie ", " gulle " }, { " heb je ", " hebde " },
};

static const char *const demo_open_fr[] = { "Bonjour,", "Madame, Monsieur,", "Bonsoir,", "Chère commune," };
static const char *const demo_context_fr[] = {
	"J'habite {area_at} depuis {n} ans.", "Je passe ici tous les jours à vélo.",
	"Nos enfants vont à l'école dans le quartier.", "Je me promène souvent ici avec mon chien.",
	"Nous sommes arrivés à Gravenvoorde il y a {n} ans.",
};
static const char *const demo_motive_fr[] = {
	"Ce serait vraiment une amélioration pour le quartier.", "C'est un problème depuis longtemps.",
	"Je pense que beaucoup de voisins sont du même avis.",
	"Ce n'est pas très cher et cela aiderait beaucoup.",
};
static const char *const demo_close_fr[] = {
	"Merci d'avance.", "Cordialement,", "Bien à vous.", "Merci de votre attention.", "Bonne journée !",
};

static const char *const demo_open_en[] = { "Hi,", "Hello,", "Dear council,", "Hi all," };
static const char *const demo_context_en[] = {
	"I moved to Gravenvoorde {n} years ago and live {area_at}.", "I cycle here every day.",
	"We are an expat family living {area_at}.", "My kids go to school nearby.",
	"Sorry for writing in English, my Dutch is not good enough yet.",
};
static const char *const demo_motive_en[] = {
	"It would make a real difference for the neighbourhood.", "This has been a problem for a long time.",
	"I think many neighbours feel the same.", "It would not cost much and would help a lot.",
};
static const char *const demo_close_en[] = {
	"Thanks!", "Kind regards,", "Thank you for considering this.", "Cheers", "Many thanks in advance.",
};

static const char *const demo_body_de[] = {
	"Hallo, ich wohne seit {n} Jahren in Gravenvoorde. Das wäre wirklich eine Verbesserung. Vielen Dank!",
	"Guten Tag, leider spreche ich kein Niederländisch. Ich hoffe, Sie können das trotzdem lesen. "
	"Mit freundlichen Grüßen",
	"Wir sind eine deutsche Familie {area_at}. Das fehlt hier wirklich.",
};

/* Ideas staff typed in from meetings, calls and letters: in the third person. */
static const char *const demo_offline_nl[] = {
	"Op de infoavond in het gemeentehuis vroeg een bewoner {area_at} naar {what} {at}. {body}",
	"Telefonisch gemeld aan het onthaal: een inwoner vraagt {what} {at}. Volgens de beller: \"{body}\"",
	"Brief van een bewoner, overgetypt door de dienst Communicatie. Hij vraagt {what} {at}.\n\n{body}",
	"Genoteerd tijdens de wijkwandeling {area_at}: meerdere buren vragen {what} {at}. {body}",
	"Post-it van het participatiemoment in de bibliotheek: \"{thing} {at}!\" Een bezoekster lichtte toe: "
	"{body}",
	"Mail aan de schepen, op vraag van de afzender hier ingevoerd. De bewoonster vraagt {what} {at}. "
	"{body}",
};

/* Angry but legitimate: the request is real, the tone is not friendly. */
static const char *const demo_angry_title_nl[] = {
	"Nog altijd niets gedaan {at}?!", "Al jaren gevraagd: {thing} {at}", "Schandalig: {P} wordt vergeten",
	"HOE LANG NOG? {thing} {at}", "Doe eindelijk iets {at}!!",
};
static const char *const demo_angry_open_nl[] = {
	"Het is echt schandalig.", "Dit is al de DERDE keer dat ik dit meld!!", "Ik ben het zo beu.",
	"Hoe lang moeten we hier nog op wachten?", "Ik snap echt niet dat hier niets aan gebeurt.",
};
static const char *const demo_angry_close_nl[] = {
	"Doe eindelijk eens iets in plaats van mooie folders te drukken.",
	"Wij betalen hier wel belastingen voor!",
	"Bij de volgende verkiezingen zal ik het me herinneren.",
	"Typisch: voor het centrum is er altijd geld, voor {area} nooit.",
	"Ik verwacht deze keer wel een antwoord.", "Moet er eerst een ongeval gebeuren?",
};
static const char *const demo_angry_fr[] = {
	"C'est inadmissible. Cela fait des mois que rien ne bouge !",
	"Encore une fois, personne ne fait rien.",
};
static const char *const demo_angry_en[] = {
	"This is ridiculous. I have reported it three times already!", "Nobody seems to care at all.",
};

/* Commercial spam. Titles and bodies go together, by index. */
struct demo_spam {
	const char *lang;
	const char *title;
	const char *body;
	const char *site; /* for {url} and {email} */
};
static const struct demo_spam demo_spam[] = {
	{ "nl", "Snel geld lenen zonder gedoe",
	  "Lening nodig? Tot 50.000 euro binnen 24 uur op uw rekening, ook bij een negatieve registratie. "
	  "Bel nu {phone} of mail {email}", "snel-krediet" },
	{ "nl", "Verdien 500 euro per dag met crypto",
	  "Mijn buurvrouw verdiende al 12.000 euro met deze bitcoin-robot!!! Start vandaag nog: {url}",
	  "crypto-winst" },
	{ "nl", "GRATIS SPINS", "200 gratis spins bij je eerste storting in ons online casino 🎰🎰 {url}",
	  "casino-royaal" },
	{ "nl", "Vrouwen uit Gravenvoorde willen je ontmoeten",
	  "Discreet daten met singles in jouw buurt. Registreer gratis op {url} ❤️", "singles-dichtbij" },
	{ "nl", "Ray-Ban zonnebrillen -80%", "Outlet sale, alleen vandaag!! Gratis verzending. {url}",
	  "brillen-outlet" },
	{ "nl", "Beste loodgieter in Gravenvoorde",
	  "Loodgieter nodig? Dag en nacht bereikbaar op {phone}. Ook ontstoppingen en boilers. {url}",
	  "loodgieter-24u" },
	{ "nl", "Dakwerken aan de scherpste prijs",
	  "Lekkend dak? Wij komen nog deze week. Gratis offerte: {phone} - {email}", "dakwerken-pro" },
	{ "nl", "Afvallen zonder dieet",
	  "10 kilo kwijt in 2 weken met dit natuurlijke supplement. Bestel via {url}", "slank-snel" },
	{ "nl", "Goedkope verhuisfirma",
	  "Verhuizen? Bel {phone}, wij zijn de goedkoopste van Vlaanderen. {url}", "verhuis-goedkoop" },
	{ "en", "Make $$$ from home",
	  "I make $800 a day working from home. No experience needed. Visit {url}", "home-income" },
	{ "en", "Cheap essay writing service", "Professional essays in 24 hours, 100% plagiarism free: {url}",
	  "essay-pro" },
	{ "en", "Buy Instagram followers", "Get 10k real followers today!! Best price guaranteed {url}",
	  "followers-now" },
	{ "en", "Best SEO services", "Rank #1 on Google in 30 days. Contact {email} or WhatsApp {phone}",
	  "seo-rank1" },
	{ "en", "Bitcoin investment opportunity", "Double your bitcoin in 7 days, guaranteed returns. {url}",
	  "btc-double" },
	{ "fr", "Prêt rapide sans justificatif",
	  "Besoin d'argent ? Prêt entre particuliers à 2%. Contact : {email}", "pret-rapide" },
	{ "fr", "Rencontres discrètes près de chez vous", "Des célibataires vous attendent ce soir. {url}",
	  "rencontres-discretes" },
	{ "fr", "Voyance gratuite par téléphone", "Votre avenir en amour et en argent. Appelez le {phone}",
	  "voyance-amour" },
};

/* Abuse: recognisable as abuse, aimed at people, but kept within bounds. */
static const struct demo_spam demo_abuse[] = {
	{ "nl", "De burgemeester is een zakkenvuller",
	  "Die burgemeester van ons denkt alleen aan zijn eigen portemonnee. Zakkenvuller! Opstappen!!",
	  NULL },
	{ "nl", "Burgemeester = clown", "Wat een clown is dat toch. Heel Gravenvoorde lacht met hem.", NULL },
	{ "nl", "Onze burgemeester is een leugenaar",
	  "Een leugenaar en een nietsnut, al zes jaar lang. Niemand gelooft nog iets van wat die vent zegt.",
	  NULL },
	{ "nl", "Ambtenaren zijn luie profiteurs",
	  "Die van de technische dienst staan heel de dag te niksen met hun handen in hun zakken. Stelletje "
	  "luiaards.",
	  NULL },
	{ "nl", "Dienst mobiliteit = idioten",
	  "De mensen van de dienst mobiliteit zijn complete idioten, die hebben nog nooit een fiets gezien.",
	  NULL },
	{ "nl", "Tuig aan de Dries",
	  "Die jongeren aan de Dries zijn tuig van de richel. Sluit ze allemaal op en gooi de sleutel weg.",
	  NULL },
	{ "nl", "Nieuwkomers horen hier niet",
	  "Al die nieuwe mensen in Lindeveld verpesten onze gemeente. Ze moeten maar teruggaan naar de stad.",
	  NULL },
	{ "nl", "Schepen, pas maar op",
	  "Als ze die bomen kappen, ga ik die schepen eens thuis bezoeken. Dan zal hij het wel weten.",
	  NULL },
	{ "nl", "WAT EEN K*TGEMEENTE",
	  "IDIOTEN ALLEMAAL!!! Jullie zijn allemaal even dom in dat gemeentehuis.", NULL },
	{ "nl", "Fietsers zijn asociaal",
	  "Fietsers zijn asociaal tuig dat denkt dat de straat van hen is. Rij ze gewoon omver.", NULL },
	{ "fr", "Le bourgmestre est un incapable", "Un incapable et un menteur. Démission !", NULL },
	{ "en", "The mayor is a clown",
	  "Resign now, you useless clown. Everyone in this town is fed up with you.", NULL },
};

/* Not an idea at all. */
static const char *const demo_junk[] = {
	"test", "Test 123", "testbericht, niet publiceren", "asdfasdf", "qwertyuiop", "hallo?", "...", "lol",
	"probeersel", "xxxxxxxxx", "ok", "nvt", "dfgdfg dfg", "Werkt dit?",
};

/* Comments, by language. */
static const char *const demo_comment_agree_nl[] = {
	"Helemaal mee eens!", "Goed idee, ik steun dit 👍", "Eindelijk iemand die het zegt.",
	"Ja! {at} is dat echt nodig.", "Steun! Ik woon om de hoek.", "+1", "Zeker doen.",
	"Goed voorstel, maar dan wel ook aan de andere kant van de straat.", "Dat vraag ik me al jaren af.",
	"Mijn buren en ik zijn het er volledig mee eens.",
	"Ik heb het ook al gemerkt, het wordt elk jaar erger.",
	"Dit zou een groot verschil maken voor de kinderen.",
};
static const char *const demo_comment_disagree_nl[] = {
	"Ik zie het nut er niet van.", "Dat gaat weer handenvol geld kosten.",
	"Ik kom hier ook dagelijks en heb daar nooit last van.",
	"Liever eerst de bestaande dingen onderhouden.",
	"Slecht idee, dan verschuift het probleem gewoon naar de volgende straat.",
	"En wie gaat dat onderhouden?", "Er zijn toch veel belangrijkere dingen in deze gemeente.",
};
static const char *const demo_comment_info_nl[] = {
	"Dit werd vorig jaar ook al gevraagd op de wijkvergadering.",
	"Er is daar vorige maand nog een ongeval gebeurd.",
	"In een buurgemeente hebben ze dat ook gedaan en het werkt prima.",
	"Weet iemand of hier al plannen voor zijn?",
	"Wat zou dat kosten?", "Is dat niet de bevoegdheid van het gewest?",
	"Het schepencollege heeft daar vorig jaar iets over beslist, denk ik.",
};
static const char *const demo_comment_reply_nl[] = {
	"Dat klopt, ik heb het ook gezien.", "Daar heb je gelijk in.",
	"Niet mee eens, het gaat hier om de veiligheid.",
	"Goed punt!", "Dat was vroeger ook al zo, jammer genoeg.", "Bedankt voor de extra uitleg.",
};
static const char *const demo_comment_author_nl[] = {
	"Bedankt voor de steun iedereen!", "Fijn dat zoveel buren hetzelfde denken.",
	"Ik heb het ook aan de wijkagent gevraagd, wordt vervolgd.",
	"Bedankt, ik laat het weten als ik iets hoor.",
};
static const char *const demo_comment_fr[] = {
	"Tout à fait d'accord !", "Bonne idée.", "Je ne suis pas d'accord, il y a d'autres priorités.",
	"Enfin quelqu'un qui en parle.", "Merci pour cette proposition.", "Combien cela coûterait-il ?",
};
static const char *const demo_comment_en[] = {
	"Great idea!", "I agree, this is badly needed.", "Not sure this is a priority.",
	"Fully support this 👍",
	"Same problem in our street.", "Who would pay for it?",
};
static const char *const demo_comment_abuse[] = {
	"Wat een dom idee, ga toch verhuizen", "Idioot", "Hou je mond, je weet niet waarover je praat",
	"Zeikerd", "Alweer die zeurpiet, heb je niets beters te doen?",
	"Stommerik, leer eerst eens schrijven",
	"Jij bent echt te dom om te helpen", "Ga terug naar waar je vandaan komt",
};

static const char *const demo_comment_on_spam[] = {
	"Spam? Kan een moderator dit verwijderen?", "Dit is reclame.", "Niet op die link klikken!",
	"Wat doet dit hier?", "Gemeld.",
};

/* Why a citizen reports a post, when they choose "other". */
static const char *const demo_report_spam[] = {
	"Reclame", "Dit is spam", "Oplichting!", "Nep", "Niet op klikken, phishing", "spam", "Publicité",
};
static const char *const demo_report_abuse[] = {
	"Beledigend", "Scheldwoorden", "Persoonlijke aanval", "Dit hoort hier niet", "Respectloos",
	"Bedreigend", "Discriminerend",
};
static const char *const demo_report_junk[] = {
	"Geen idee, gewoon een test", "Onzin", "Leeg bericht",
};
static const char *const demo_report_angry[] = {
	"Geen idee maar een klacht", "Veel te agressieve toon", "Dit is gewoon gezaag", "Onbeleefd",
};

/* How moderators noted why they hid a post. */
static const char *const demo_hidden_spam[] = { "Spam (reclame)", "Spam", "Reclame, account geblokkeerd" };
static const char *const demo_hidden_abuse[] = { "Beledigend", "Scheldwoorden", "Persoonlijke aanval" };
static const char *const demo_hidden_junk[] = { "Testbericht", "Geen idee", "Onleesbaar" };

/* Official feedback: always in Dutch, formal, signed by the department. */
static const char *const demo_fb_considering[] = {
	"Beste,\n\nBedankt voor uw idee over {what} {at}. De bevoegde dienst bekijkt uw voorstel samen met "
	"de andere "
	"betrokken diensten. Wij laten u weten wat er beslist wordt.\n\nMet vriendelijke groeten,\n{sig}",
	"Beste,\n\nWij hebben uw voorstel goed ontvangen en bekijken het op dit moment. Voor {what} {at} is "
	"een terreinbezoek gepland.\n\nVriendelijke groeten,\n{sig}",
};
static const char *const demo_fb_accepted[] = {
	"Beste,\n\nGoed nieuws: het college van burgemeester en schepenen heeft beslist om {what} {at} mee "
	"te nemen. Wij houden u op de hoogte van de timing.\n\nMet vriendelijke groeten,\n{sig}",
	"Beste,\n\nBedankt voor uw idee. Wij gaan ermee aan de slag: uw voorstel voor {what} {at} wordt "
	"opgenomen in de "
	"planning van onze dienst.\n\nMet vriendelijke groeten,\n{sig}",
};
static const char *const demo_fb_planned[] = {
	"Beste,\n\nBedankt voor uw voorstel. Uw vraag over {what} {at} stond al in de meerjarenplanning; de "
	"werken zijn "
	"voorzien binnen het jaar.\n\nMet vriendelijke groeten,\n{sig}",
	"Beste,\n\nDit was al gepland. Het ontwerp voor {what} {at} is klaar en de aanbesteding loopt.\n\n"
	"Met vriendelijke groeten,\n{sig}",
};
static const char *const demo_fb_implemented[] = {
	"Beste,\n\nHet is zover: uw voorstel voor {what} {at} is uitgevoerd. Bedankt om mee te "
	"denken!\n\nMet vriendelijke groeten,\n{sig}",
	"Beste,\n\nDe werken zijn afgerond. Wij hopen dat u tevreden bent met het resultaat.\n\n"
	"Met vriendelijke groeten,\n{sig}",
};
static const char *const demo_fb_rejected[] = {
	"Beste,\n\nBedankt voor uw idee over {what} {at}. Na onderzoek blijkt dit technisch niet haalbaar: "
	"de ruimte is te beperkt en er liggen nutsleidingen. Wij begrijpen dat dit een teleurstelling is.\n\n"
	"Met vriendelijke groeten,\n{sig}",
	"Beste,\n\nWij hebben uw voorstel grondig bekeken. Binnen het huidige budget kunnen wij {what} {at} "
	"helaas niet realiseren. Wij houden het idee bij voor de volgende meerjarenplanning.\n\n"
	"Met vriendelijke groeten,\n{sig}",
	"Beste,\n\nDe verkeerstellingen tonen aan dat de situatie {at} binnen de normen valt. Wij voeren "
	"daarom geen aanpassing uit, maar de politie zal er extra controleren.\n\nMet vriendelijke "
	"groeten,\n{sig}",
};
static const char *const demo_fb_forwarded[] = {
	"Beste,\n\nDit valt niet onder de bevoegdheid van de gemeente. Wij hebben uw vraag doorgestuurd naar "
	"het Agentschap Wegen en Verkeer, dat de weg beheert.\n\nMet vriendelijke groeten,\n{sig}",
	"Beste,\n\nUw vraag over {what} {at} is doorgestuurd naar de intercommunale, die hiervoor bevoegd "
	"is. "
	"U krijgt van hen rechtstreeks een antwoord.\n\nMet vriendelijke groeten,\n{sig}",
	"Beste,\n\nWij hebben uw melding doorgegeven aan de politiezone, die dit verder opvolgt.\n\n"
	"Met vriendelijke groeten,\n{sig}",
};
static const char *const demo_fb_merged[] = {
	"Beste,\n\nEen andere inwoner diende hetzelfde voorstel in. Wij hebben beide ideeën samengevoegd, "
	"zodat alle stemmen en reacties op één plaats staan.\n\nMet vriendelijke groeten,\n{sig}",
};
static const char *const demo_fb_budget_yes[] = {
	"Beste,\n\nUw voorstel voor {what} {at} is haalbaar bevonden en komt in de stemronde. Veel "
	"succes!\n\n"
	"Met vriendelijke groeten,\n{sig}",
};
static const char *const demo_fb_budget_no[] = {
	"Beste,\n\nUw voorstel voor {what} {at} komt niet in de stemronde: de geraamde kostprijs ligt boven "
	"het maximum van 30.000 euro per project.\n\nMet vriendelijke groeten,\n{sig}",
	"Beste,\n\nUw voorstel komt niet in de stemronde: de grond is geen eigendom van de gemeente.\n\n"
	"Met vriendelijke groeten,\n{sig}",
};

/* Names of residents, by language group. */
static const char *const demo_first_f_nl[] = {
	"Marie", "Lotte", "Emma", "Julie", "Sarah", "Lien", "Els", "Katrien", "An", "Griet", "Hilde",
	"Martine",
	"Rita", "Godelieve", "Maria", "Nele", "Eline", "Fien", "Louise", "Noor", "Lore", "Ine", "Sofie",
	"Veerle",
	"Ann", "Kristien", "Leen", "Jana", "Amber", "Yasmina", "Fatima", "Ayse", "Ilse", "Evi", "Charlotte",
	"Marthe", "Hanne", "Tine", "Inge", "Liesbeth", "Mila", "Elise", "Femke", "Paula", "Agnes", "Nadia",
};
static const char *const demo_first_m_nl[] = {
	"Jan", "Peter", "Luc", "Marc", "Dirk", "Tom", "Bart", "Koen", "Wim", "Stijn", "Pieter", "Jonas",
	"Arne",
	"Lucas", "Louis", "Wout", "Seppe", "Jef", "Rik", "Frans", "Jozef", "Willy", "Eddy", "Patrick",
	"Geert",
	"Kristof", "Thomas", "Bram", "Ruben", "Mohamed", "Youssef", "Emre", "Mehmet", "Jens", "Niels",
	"Sander",
	"Joris", "Dries", "Gert", "Filip", "Warre", "Mats", "Roger", "Gilbert", "Karim",
};
static const char *const demo_first_f_fr[] = {
	"Sophie", "Camille", "Chloé", "Isabelle", "Nathalie", "Valérie", "Amélie", "Céline", "Aurélie",
	"Manon",
};
static const char *const demo_first_m_fr[] = {
	"Julien", "Nicolas", "François", "Olivier", "Benoît", "Michel", "Pierre", "Laurent", "Mathieu",
	"Thierry",
};
static const char *const demo_first_f_en[] = {
	"Emily", "Sarah", "Anna", "Olivia", "Ana", "Priya", "Kasia", "Laura", "Hannah", "Maria",
};
static const char *const demo_first_m_en[] = {
	"James", "David", "Michael", "Daniel", "Tomasz", "Luca", "Raj", "Mark", "Stefan", "Chris",
};
static const char *const demo_last_nl[] = {
	"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters",
	"De Smet",
	"Vermeulen", "Van den Broeck", "De Vos", "Hermans", "Pauwels", "Martens", "Verhoeven", "Claeys",
	"De Backer", "Van Damme", "Stevens", "Coppens", "De Clercq", "Verstraete", "Van de Velde", "De Wilde",
	"Desmet", "Lambrechts", "Bogaert", "Vandenberghe", "Verbeke", "Van Acker", "Wuyts", "Aerts", "Leysen",
	"Michiels", "De Cock", "Segers", "Van Hoof", "Moens", "Cools", "Lauwers", "Verlinden", "Van Dyck",
	"Bosmans", "De Meyer", "El Amrani", "Yilmaz", "Öztürk", "Benali", "Van Gestel", "D'Hondt", "Vanhove",
};
static const char *const demo_last_fr[] = {
	"Dubois", "Lambert", "Dupont", "Leroy", "Renard", "Lefèvre", "Martin", "Simon", "Laurent", "Mathieu",
};
static const char *const demo_last_en[] = {
	"Smith", "Brown", "Murphy", "Rossi", "Kowalski", "Nowak", "Nguyen", "Silva", "Patel", "Schmidt",
};
static const char *const demo_mail_domains[] = { "example.com", "example.net", "example.org" };

/* The people who run the platform. Index 0 is the demo console's own login. */
struct demo_staff {
	const char *login, *first, *last, *role;
	int dept; /* -1: none */
};
static const struct demo_staff demo_staff[] = {
	{ "postgres", "Demo", "Moderator", "admin", -1 },
	{ "lverhaegen", "Lotte", "Verhaegen", "moderator", -1 },
	{ "jderidder", "Jonas", "De Ridder", "moderator", -1 },
	{ "yelkhadir", "Yasmina", "El Khadir", "moderator", -1 },
	{ "pvanloo", "Pieter", "Van Loo", "project_lead", D_OW },
	{ "sclaessens", "Sofie", "Claessens", "project_lead", D_MOB },
	{ "bcoppieters", "Bram", "Coppieters", "project_lead", D_JEUGD },
	{ "ibaert", "Ines", "Baert", "support", D_COMM },
	/* One head per department, in the order of demo_depts. */
	{ "kdesmedt", "Koen", "Desmedt", "moderator", D_MOB },
	{ "hvanhecke", "Hilde", "Van Hecke", "moderator", D_OW },
	{ "wvanneste", "Wouter", "Vanneste", "moderator", D_GROEN },
	{ "averbist", "Anouk", "Verbist", "moderator", D_CULT },
	{ "dlemmens", "Dries", "Lemmens", "moderator", D_SPORT },
	{ "sheylen", "Saar", "Heylen", "moderator", D_JEUGD },
	{ "rdemeyer", "Rita", "Demeyer", "moderator", D_WELZ },
	{ "tvangorp", "Tom", "Van Gorp", "moderator", D_ECO },
	{ "mbeullens", "Marc", "Beullens", "moderator", D_VEIL },
	{ "edierickx", "Eva", "Dierickx", "moderator", D_COMM },
};
#define DEMO_STAFF_HEADS 8 /* index of the first department head */

static const char *const demo_emoji[] = { "🚲", "🌳", "👍", "🙏", "😊", "⚠️", "🚸", "💡", "🌼", "😡", "🙂", "👶" };

#endif
