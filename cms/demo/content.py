"""Demo courses for seed_demo: original Dutch content with English translations."""

TOPICS = [
    {
        "slug": "webcare",
        "nl": "Webcare",
        "en": "Webcare",
        "description": {
            "nl": "Vragen, klachten en meldingen van inwoners op sociale media snel, zorgvuldig en menselijk afhandelen.",
            "en": "Handling residents' questions, complaints and reports on social media quickly, carefully and humanely.",
        },
    },
    {
        "slug": "crisis-communication",
        "nl": "Crisiscommunicatie",
        "en": "Crisis communication",
        "description": {
            "nl": "Communiceren als het misgaat: van het eerste signaal tot de nazorg, met duidelijke rollen en vooraf goedgekeurde teksten.",
            "en": "Communicating when things go wrong: from the first signal to aftercare, with clear roles and pre-approved texts.",
        },
    },
    {
        "slug": "personal-branding",
        "nl": "Personal branding",
        "en": "Personal branding",
        "description": {
            "nl": "Als medewerker van de gemeente zichtbaar en betrouwbaar zijn op LinkedIn, binnen de regels van integriteit en neutraliteit.",
            "en": "Being visible and trustworthy on LinkedIn as a municipal employee, within the rules of integrity and neutrality.",
        },
    },
    {
        "slug": "social-engagement",
        "nl": "Social engagement",
        "en": "Social engagement",
        "description": {
            "nl": "Inwoners betrekken met berichten en gesprekken die ertoe doen, en meten wat dat oplevert.",
            "en": "Involving residents with posts and conversations that matter, and measuring what that achieves.",
        },
    },
    {
        "slug": "social-recruitment",
        "nl": "Social recruitment",
        "en": "Social recruitment",
        "description": {
            "nl": "Vacatures en de gemeente als werkgever onder de aandacht brengen via sociale media, eerlijk en met oog voor privacy.",
            "en": "Promoting vacancies and the municipality as an employer through social media, honestly and with due regard for privacy.",
        },
    },
]

COURSES = [
    {
        "slug": "webcare-basis",
        "topic": "webcare",
        "level": "beginner",
        "estimated_minutes": 40,
        "pass_mark": 70,
        "title": {
            "nl": "Webcare voor de gemeente: de basis",
            "en": "Webcare for the municipality: the basics",
        },
        "summary": {
            "nl": "Leer hoe je als webcaremedewerker van gemeente Zuidstad vragen en klachten op sociale media snel, zorgvuldig en in de juiste toon beantwoordt. Je oefent met situaties uit de praktijk, van een vergeten container tot een felle reactie op een raadsbesluit.",
            "en": "Learn how to answer questions and complaints on social media quickly, carefully and in the right tone as a webcare agent for the municipality of Zuidstad. You practise with real-life situations, from a forgotten bin to a heated reaction to a council decision.",
        },
        "objectives": [
            {
                "nl": "Je legt uit wat webcare is en welke rol de hub heeft naast de vakafdelingen.",
                "en": "You can explain what webcare is and what role the hub plays alongside the specialist departments.",
            },
            {
                "nl": "Je werkt volgens de servicenormen van Zuidstad en weet wanneer een gesprek naar een privébericht moet.",
                "en": "You work to Zuidstad's service standards and know when a conversation should move to a private message.",
            },
            {
                "nl": "Je schrijft reacties in de toon van Zuidstad: helder, menselijk en op taalniveau B1.",
                "en": "You write replies in Zuidstad's tone: clear, human and at B1 language level.",
            },
            {
                "nl": "Je herkent berichten die je moet escaleren en weet bij wie je ze neerlegt.",
                "en": "You recognise messages that need escalating and know whom to hand them to.",
            },
        ],
        "modules": [
            {
                "slug": "wat-is-webcare",
                "title": {"nl": "Wat is webcare?", "en": "What is webcare?"},
                "intro": {
                    "nl": "Webcare is klantcontact op sociale media; je leest wat erbij hoort en hoe de hub van Zuidstad het organiseert.",
                    "en": "Webcare is customer contact on social media; you read what it involves and how the Zuidstad hub organises it.",
                },
                "minutes": 8,
                "body": [
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Klantcontact waar de inwoner al is</h2><p>Webcare is het beantwoorden van vragen, klachten en meldingen van inwoners op sociale media. Wie op Facebook schrijft dat de lantaarnpaal in zijn straat al een week kapot is, verwacht net zo goed antwoord als wie de gemeente belt. Je luistert ook mee: wat zeggen inwoners over de gemeente, ook als ze ons niet taggen? Zo zie je problemen op tijd, zoals een storing in de online afsprakenplanner.</p><ul><li><b>Vragen</b>: openingstijden, een paspoort aanvragen, de afvalkalender.</li><li><b>Meldingen</b>: losliggende stoeptegels, zwerfafval, een kapot speeltoestel.</li><li><b>Klachten</b>: over een medewerker, een besluit of een lange wachttijd.</li><li><b>Meningen en complimenten</b>: ook die verdienen een reactie.</li></ul>",
                            "en": "<h2>Customer contact where residents already are</h2><p>Webcare means answering residents' questions, complaints and reports on social media. Someone who writes on Facebook that the street lamp in his street has been broken for a week expects an answer just as much as someone who phones the municipality. You also listen in: what are residents saying about the municipality, even when they don't tag us? That way you spot problems in time, such as a fault in the online appointment planner.</p><ul><li><b>Questions</b>: opening hours, applying for a passport, the waste calendar.</li><li><b>Reports</b>: loose paving stones, litter, a broken piece of play equipment.</li><li><b>Complaints</b>: about an employee, a decision or a long waiting time.</li><li><b>Opinions and compliments</b>: these deserve a reply too.</li></ul>",
                        },
                    },
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>De hub en de spokes</h2><p>In Zuidstad is het socialemediateam de hub: het beheert de kanalen, monitort ze en geeft de eerste reactie. De vakafdelingen, zoals Burgerzaken, Afval en Reiniging, Openbare Ruimte en HR, zijn de spokes: zij hebben de inhoudelijke kennis. De hub zorgt dat de inwoner snel antwoord krijgt; de spoke zorgt dat dat antwoord klopt. Je hoeft dus niet alles zelf te weten, wel waar het antwoord staat: in de kennisbank van het Klantcontactcentrum of bij de vaste contactpersoon van een afdeling. Zo krijgt een inwoner via webcare hetzelfde antwoord als aan de telefoon of de balie.</p><p>Webcare neemt geen besluiten en maakt geen uitzonderingen. Je beslist niet of iemand een vergunning krijgt of dat een boete vervalt. Je legt uit hoe het werkt, helpt de inwoner op weg en zorgt dat de juiste afdeling de vraag oppakt.</p>",
                            "en": "<h2>The hub and the spokes</h2><p>In Zuidstad the social media team is the hub: it manages the channels, monitors them and gives the first response. The specialist departments, such as Civil Affairs, Waste and Cleaning, Public Space and HR, are the spokes: they have the subject knowledge. The hub makes sure the resident gets a quick answer; the spoke makes sure that answer is correct. So you don't need to know everything yourself, but you do need to know where the answer is: in the Customer Contact Centre's knowledge base or with a department's regular contact person. That way a resident gets the same answer through webcare as on the phone or at the front desk.</p><p>Webcare doesn't take decisions or make exceptions. You don't decide whether someone gets a permit or whether a fine is dropped. You explain how things work, help the resident on their way and make sure the right department picks up the question.</p>",
                        },
                    },
                    {
                        "type": "callout",
                        "kind": "warning",
                        "title": {
                            "nl": "Alles wat je schrijft is openbaar",
                            "en": "Everything you write is public",
                        },
                        "text": {
                            "nl": "Ga ervan uit dat van elke reactie een schermafbeelding wordt gemaakt. Berichten van de gemeente kunnen onder de Wet open overheid en de Archiefwet vallen: verwijder een eigen reactie dus nooit zomaar, maar plaats een correctie.",
                            "en": "Assume a screenshot will be taken of every reply. The municipality's posts may fall under the Open Government Act and the Public Records Act: so never simply delete a reply of your own, but post a correction.",
                        },
                    },
                ],
            },
            {
                "slug": "reactietijden-en-privacy",
                "title": {
                    "nl": "Reactietijden en privacy",
                    "en": "Response times and privacy",
                },
                "intro": {
                    "nl": "Je leert de servicenormen van Zuidstad, wat voorrang krijgt en wanneer een gesprek naar een privébericht moet.",
                    "en": "You learn Zuidstad's service standards, what takes priority and when a conversation should move to a private message.",
                },
                "minutes": 10,
                "body": [
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>De servicenormen van Zuidstad</h2><ul><li>Werkdagen van 8.00 tot 20.00 uur: je reageert binnen één uur.</li><li>Weekend van 10.00 tot 17.00 uur: je reageert binnen twee uur.</li><li>Geen direct antwoord? Stuur binnen de norm een eerste reactie en zeg wanneer het volledige antwoord komt: uiterlijk de volgende werkdag.</li></ul><p>Een eerste reactie is geen ‘We komen erop terug’. Zeg wat je gaat doen: ‘Ik vraag bij de afvalinzameling na waarom je container is blijven staan. Vóór 16.00 uur hoor je van mij.’ En kom die belofte na.</p><h3>Wat gaat voor?</h3><p>Werk niet van boven naar beneden, maar van belangrijk naar minder belangrijk. Eerst gevaar voor mensen, zoals een boom over de weg of een gaslucht: verwijs bij acuut gevaar naar 112 en waarschuw je teamleider. Dan berichten die snel rondgaan en berichten van journalisten of raadsleden. Daarna gewone vragen en meldingen, en als laatste meningen en complimenten.</p>",
                            "en": "<h2>Zuidstad's service standards</h2><ul><li>Working days from 8:00 to 20:00: you respond within one hour.</li><li>Weekends from 10:00 to 17:00: you respond within two hours.</li><li>No immediate answer? Send a first response within the standard and say when the full answer will come: by the next working day at the latest.</li></ul><p>A first response is not ‘We'll get back to you’. Say what you are going to do: ‘I'll check with waste collection why your bin wasn't emptied. You'll hear from me before 16:00.’ And keep that promise.</p><h3>What comes first?</h3><p>Don't work from top to bottom, but from most to least important. First danger to people, such as a tree across the road or a smell of gas: in case of acute danger refer to 112 and alert your team leader. Then posts that are spreading fast and messages from journalists or council members. After that ordinary questions and reports, and finally opinions and compliments.</p>",
                        },
                    },
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Van openbaar naar privé</h2><p>Beantwoord vragen openbaar als het kan: anderen lezen mee en hebben vaak dezelfde vraag. Heb je een adres, zaaknummer of telefoonnummer nodig, ga dan verder in een privébericht.</p><p>Een burgerservicenummer, medische gegevens of details over schulden, een uitkering of jeugdhulp vraag je ook in een privébericht nooit. Sociale media zijn geen beveiligd kanaal van de gemeente, en de AVG vraagt dat je niet meer gegevens verwerkt dan nodig. Verwijs naar het beveiligde contactformulier of naar Mijn Zuidstad. Zet een inwoner zelf gevoelige informatie in een openbare reactie? Verberg de reactie en leg in een privébericht uit waarom.</p>",
                            "en": "<h2>From public to private</h2><p>Answer questions publicly where you can: others read along and often have the same question. If you need an address, case number or phone number, continue in a private message.</p><p>A citizen service number (BSN), medical details or details about debts, benefits or youth care are things you never ask for, not even in a private message. Social media is not a secure channel of the municipality, and the GDPR requires you not to process more data than necessary. Refer to the secure contact form or to My Zuidstad. Does a resident post sensitive information in a public comment themselves? Hide the comment and explain why in a private message.</p>",
                        },
                    },
                    {
                        "type": "quiz",
                        "title": {
                            "nl": "Check: servicenormen en privacy",
                            "en": "Check: service standards and privacy",
                        },
                        "intro": {
                            "nl": "Drie vragen over reactietijden en privacy. Lees ook de uitleg bij de antwoorden die je niet koos.",
                            "en": "Three questions about response times and privacy. Also read the explanation for the answers you didn't choose.",
                        },
                        "questions": [
                            {
                                "kind": "single",
                                "text": {
                                    "nl": "Dinsdag 10.15 uur vraagt een inwoner op Facebook waarom zijn groene container niet is geleegd. Je weet het antwoord niet meteen. Wat doe je?",
                                    "en": "Tuesday, 10:15: a resident asks on Facebook why his green bin wasn't emptied. You don't know the answer straight away. What do you do?",
                                },
                                "choices": [
                                    {
                                        "text": {
                                            "nl": "Binnen een uur een eerste reactie sturen: je vraagt het na en zegt wanneer je terugkomt.",
                                            "en": "Send a first response within the hour: you'll look into it and say when you'll get back to him.",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Je haalt de norm en doet een concrete belofte, zodat hij weet waar hij aan toe is.",
                                            "en": "Correct. You meet the standard and make a concrete promise, so he knows where he stands.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Wachten tot de afdeling antwoordt, zodat je maar één keer hoeft te reageren.",
                                            "en": "Wait until the department answers, so you only have to respond once.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Dan hoort hij misschien uren niets. Een eerste reactie laat zien dat je de vraag hebt gezien.",
                                            "en": "Then he may hear nothing for hours. A first response shows you have seen the question.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Reageren met: ‘We komen erop terug.’",
                                            "en": "Reply with: ‘We'll get back to you.’",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Deze reactie heeft geen inhoud. Zeg wat je gaat doen en wanneer hij iets hoort.",
                                            "en": "This reply has no content. Say what you'll do and when he'll hear from you.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Hem doorverwijzen naar het algemene telefoonnummer.",
                                            "en": "Refer him to the general phone number.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Hij koos zelf voor Facebook. Onnodig doorverwijzen voelt als van het kastje naar de muur.",
                                            "en": "He chose Facebook himself. Needless referral feels like being sent from pillar to post.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "multiple",
                                "text": {
                                    "nl": "Welke gegevens vraag je nooit via sociale media, ook niet in een privébericht? Kies alle juiste antwoorden.",
                                    "en": "Which data do you never ask for via social media, not even in a private message? Choose all correct answers.",
                                },
                                "choices": [
                                    {
                                        "text": {
                                            "nl": "Het burgerservicenummer",
                                            "en": "The citizen service number (BSN)",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Dat hoort alleen in beveiligde kanalen van de gemeente.",
                                            "en": "Correct. It belongs only in the municipality's secure channels.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Informatie over een uitkering of schuldhulp",
                                            "en": "Information about benefits or debt assistance",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Dit zijn gevoelige gegevens over iemands financiële situatie.",
                                            "en": "Correct. This is sensitive data about someone's financial situation.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "De straat waar een lantaarnpaal kapot is",
                                            "en": "The street where a street lamp is broken",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Die heb je nodig voor de melding en het zegt niets over een persoon.",
                                            "en": "You need it for the report and it says nothing about a person.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Het nummer van een eerdere melding",
                                            "en": "The number of an earlier report",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Dat kun je prima in een privébericht vragen om de melding terug te vinden.",
                                            "en": "You can ask for it in a private message to look up the report.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "single",
                                "text": {
                                    "nl": "Een inwoner zet in een openbare reactie zijn adres en telefoonnummer, met de vraag of iemand hem belt over zijn aanvraag voor bijzondere bijstand. Wat doe je?",
                                    "en": "A resident posts his address and phone number in a public comment, asking whether someone will call him about his application for special assistance. What do you do?",
                                },
                                "choices": [
                                    {
                                        "text": {
                                            "nl": "Je verbergt de reactie, legt in een privébericht uit waarom en verwijst naar het beveiligde contactformulier of de afdeling.",
                                            "en": "You hide the comment, explain why in a private message and refer him to the secure contact form or the department.",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Je beschermt zijn gegevens en de vraag komt via een veilig kanaal bij de juiste afdeling.",
                                            "en": "Correct. You protect his data and the question reaches the right department through a secure channel.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Je beantwoordt de vraag openbaar, want hij deelde de gegevens zelf.",
                                            "en": "You answer publicly, because he shared the data himself.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Een bijstandsaanvraag bespreek je nooit in het openbaar; daarmee maak je de schade groter.",
                                            "en": "You never discuss a benefits application in public; that only makes the harm worse.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Je verwijdert de reactie zonder iets te zeggen.",
                                            "en": "You delete the comment without saying anything.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Dan voelt hij zich genegeerd en krijgt hij geen hulp. Leg altijd uit waarom je ingrijpt.",
                                            "en": "Then he feels ignored and gets no help. Always explain why you intervene.",
                                        },
                                    },
                                ],
                            },
                        ],
                    },
                ],
            },
            {
                "slug": "tone-of-voice",
                "title": {
                    "nl": "Schrijven in de toon van Zuidstad",
                    "en": "Writing in Zuidstad's tone of voice",
                },
                "intro": {
                    "nl": "Je leert hoe een reactie van Zuidstad klinkt: helder, menselijk en zonder ambtelijke taal.",
                    "en": "You learn what a reply from Zuidstad sounds like: clear, human and free of officialese.",
                },
                "minutes": 10,
                "body": [
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Zo klinkt Zuidstad</h2><ul><li><b>Helder</b>: taalniveau B1. Korte zinnen, gewone woorden, het belangrijkste eerst.</li><li><b>Menselijk</b>: je schrijft als een collega aan de balie, niet als een afdeling, en ondertekent met je initialen, bijvoorbeeld ^SB.</li><li><b>Betrokken</b>: je erkent de ergernis of zorg voordat je uitlegt hoe het zit.</li></ul><p>Zuidstad schrijft op sociale media met je en jij. Spreekt een inwoner jou met u aan, of gaat het om iets verdrietigs of gevoeligs? Dan gebruik je u. Volg de inwoner, niet de gewoonte.</p>",
                            "en": "<h2>This is how Zuidstad sounds</h2><ul><li><b>Clear</b>: B1 language level. Short sentences, ordinary words, the most important thing first.</li><li><b>Human</b>: you write like a colleague at the front desk, not like a department, and sign with your initials, for example ^SB.</li><li><b>Engaged</b>: you acknowledge the irritation or concern before explaining how things are.</li></ul><p>On social media Zuidstad uses the informal Dutch ‘je’. Does a resident address you with the formal ‘u’, or is the subject sad or sensitive? Then you use ‘u’. Follow the resident, not habit.</p>",
                        },
                    },
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Van ambtelijk naar helder</h2><p><i>Voor:</i> ‘Naar aanleiding van uw bericht delen wij u mede dat meldingen inzake openbare verlichting middels het daartoe bestemde formulier dienen te worden ingediend.’</p><p><i>Na:</i> ‘Vervelend dat het zo donker is in je straat. Ik heb de kapotte lantaarnpaal voor je gemeld, je meldnummer is 24-1873. Meestal is een lamp binnen vijf werkdagen gerepareerd. ^SB’</p><p>De tweede reactie volgt een vaste opbouw: <b>erken</b> wat de inwoner schrijft, <b>antwoord</b> of zeg wat je gaat doen, en <b>sluit af</b> met een volgende stap, zoals een link, een meldnummer of een tijdstip. Een emoji kan bij een luchtige vraag, nooit bij een klacht of een verdrietig bericht.</p>",
                            "en": "<h2>From officialese to plain language</h2><p><i>Before:</i> ‘With reference to your message, we hereby inform you that reports regarding public lighting are to be submitted by means of the designated form.’</p><p><i>After:</i> ‘Annoying that it's so dark in your street. I've reported the broken street lamp for you, your report number is 24-1873. A lamp is usually repaired within five working days. ^SB’</p><p>The second reply follows a fixed structure: <b>acknowledge</b> what the resident writes, <b>answer</b> or say what you'll do, and <b>close</b> with a next step, such as a link, a report number or a time. An emoji is fine for a light-hearted question, never for a complaint or a sad message.</p>",
                        },
                    },
                    {
                        "type": "callout",
                        "kind": "tip",
                        "title": {
                            "nl": "Lees het hardop",
                            "en": "Read it aloud",
                        },
                        "text": {
                            "nl": "Klinkt je reactie als iets wat je tegen iemand aan de balie zou zeggen? Dan zit je goed.",
                            "en": "Does your reply sound like something you would say to someone at the front desk? Then you're on the right track.",
                        },
                    },
                    {
                        "type": "scenario",
                        "title": {
                            "nl": "Voor de derde keer blijft de container staan",
                            "en": "The bin is left behind for the third time",
                        },
                        "channel": "facebook",
                        "author": {"nl": "Gerda M.", "en": "Gerda M."},
                        "situation": {
                            "nl": "Onder een bericht van gemeente Zuidstad over de nieuwe afvalkalender schrijft een inwoner: ‘Leuk, die kalender. Maar voor de DERDE keer deze maand is mijn groene container niet geleegd. Beukenlaan, Havenkwartier. Het stinkt en ik betaal er gewoon voor. Wat een toko.’ In het storingsoverzicht zie je dat er vandaag in het Havenkwartier een vuilniswagen is uitgevallen; de containers worden morgen vóór 16.00 uur alsnog geleegd.",
                            "en": "Below a post by the municipality of Zuidstad about the new waste calendar, a resident writes: ‘Nice, that calendar. But for the THIRD time this month my green bin hasn't been emptied. Beukenlaan, Havenkwartier. It stinks and I do pay for it. What a shambles.’ In the outage overview you see that a bin lorry broke down in Havenkwartier today; the bins will be emptied tomorrow before 16:00.",
                        },
                        "task": {
                            "nl": "Schrijf de openbare reactie van Zuidstad.",
                            "en": "Write Zuidstad's public reply.",
                        },
                        "guidance": {
                            "nl": "Een goede reactie erkent de ergernis zonder in de verdediging te schieten en is eerlijk over wat er vandaag misging. Je zegt wat er nu gebeurt en wanneer. Voor de eerdere keren heb je een huisnummer nodig, dus nodig je de inwoner uit voor een privébericht.",
                            "en": "A good reply acknowledges the irritation without getting defensive and is honest about what went wrong today. You say what happens now and when. For the earlier occasions you need a house number, so you invite the resident to a private message.",
                        },
                        "model_answer": {
                            "nl": "Dat is balen, en drie keer in een maand is echt te vaak. Vandaag is er in het Havenkwartier een vuilniswagen uitgevallen, daardoor zijn niet alle containers geleegd. Ze worden morgen vóór 16.00 uur alsnog opgehaald, dus laat je container gerust staan. Ik wil ook uitzoeken wat er de twee eerdere keren misging. Stuur je ons je huisnummer in een privébericht? Dan kom ik morgen bij je terug. ^SB",
                            "en": "That's really annoying, and three times in a month is far too often. A bin lorry broke down in Havenkwartier today, which is why not all bins were emptied. They will be collected tomorrow before 16:00, so feel free to leave your bin out. I also want to find out what went wrong the two earlier times. Could you send us your house number in a private message? Then I'll get back to you tomorrow. ^SB",
                        },
                    },
                ],
            },
            {
                "slug": "lastige-berichten-en-escalatie",
                "title": {
                    "nl": "Lastige berichten en escalatie",
                    "en": "Difficult messages and escalation",
                },
                "intro": {
                    "nl": "Je leert omgaan met felle kritiek, trollen en bedreigingen, en wanneer je een bericht doorzet.",
                    "en": "You learn to deal with fierce criticism, trolls and threats, and when to pass a message on.",
                },
                "minutes": 12,
                "body": [
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Kritiek mag, de huisregels gelden</h2><p>Een inwoner mag boos zijn over een besluit of een fout. Zulke berichten laat je staan en beantwoord je, ook als de toon fel is. De huisregels op elk profiel zeggen wanneer we ingrijpen: bij grof taalgebruik, persoonlijke aanvallen op met naam genoemde mensen, discriminatie, bedreiging, gedeelde persoonsgegevens van anderen en spam. Je grijpt in op wát iemand schrijft, nooit op wie het schrijft of welke mening hij heeft.</p><ul><li><b>Verbergen</b>: bij grof taalgebruik of gedeelde persoonsgegevens.</li><li><b>Verwijderen</b>: bij discriminatie, bedreiging of spam, altijd na een schermafbeelding met datum en tijd.</li><li><b>Blokkeren</b>: alleen bij herhaalde overtredingen en na overleg met de teamleider.</li></ul><p>Sommige accounts willen vooral een reactie uitlokken. Geef zo iemand één keer een feitelijk antwoord voor de meelezers en ga daarna niet steeds opnieuw in discussie. Vragen over raadsbesluiten beantwoord je feitelijk: wat is besloten, waarom en waar lees je meer. Je geeft nooit je eigen mening, en voor verkiezingen ben je extra terughoudend.</p>",
                            "en": "<h2>Criticism is allowed, the house rules apply</h2><p>A resident may be angry about a decision or a mistake. You leave such posts up and reply, even if the tone is fierce. The house rules on every profile say when we intervene: gross language, personal attacks on people mentioned by name, discrimination, threats, other people's personal data and spam. You act on what someone writes, never on who writes it or what opinion they hold.</p><ul><li><b>Hide</b>: for gross language or shared personal data.</li><li><b>Delete</b>: for discrimination, threats or spam, always after a screenshot with date and time.</li><li><b>Block</b>: only for repeated violations and after consulting the team leader.</li></ul><p>Some accounts mainly want to provoke a reaction. Give such a person a factual answer once, for those reading along, and don't keep going back into the discussion. You answer questions about council decisions factually: what was decided, why and where to read more. You never give your own opinion, and before elections you are extra cautious.</p>",
                        },
                    },
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Wanneer escaleer je?</h2><ul><li><b>Bedreiging of acuut gevaar</b>, ook tegen medewerkers of bestuurders: direct naar de teamleider, bij acuut gevaar 112. Ga nooit zelf in gesprek met de afzender.</li><li><b>Een bericht dat snel rondgaat</b> of de media kan halen: naar de dienstdoende woordvoerder.</li><li><b>Vragen van journalisten</b>: naar de persvoorlichting.</li><li><b>Een mogelijk datalek</b>, zoals post met gegevens van iemand anders: meteen naar de privacyfunctionaris.</li><li><b>Klachten over een medewerker</b>: naar de klachtencoördinator, zonder inhoudelijke reactie in het openbaar.</li></ul><p>Leg elke escalatie vast in het webcaresysteem: wat je zag, wat je deed en aan wie je het overdroeg. Zo kan een collega het gesprek zonder vragen overnemen.</p>",
                            "en": "<h2>When do you escalate?</h2><ul><li><b>Threats or acute danger</b>, including against employees or elected officials: straight to the team leader, 112 in case of acute danger. Never engage with the sender yourself.</li><li><b>A post that is spreading fast</b> or could reach the media: to the press officer on duty.</li><li><b>Questions from journalists</b>: to the press office.</li><li><b>A possible data breach</b>, such as mail containing someone else's data: straight to the data protection officer.</li><li><b>Complaints about an employee</b>: to the complaints coordinator, without any public reply on the substance.</li></ul><p>Record every escalation in the webcare system: what you saw, what you did and whom you handed it to. That way a colleague can take over the conversation without having to ask.</p>",
                        },
                    },
                    {
                        "type": "scenario",
                        "title": {
                            "nl": "Een felle reactie op een raadsbesluit",
                            "en": "A heated reaction to a council decision",
                        },
                        "channel": "twitter",
                        "author": {
                            "nl": "@zuidstad_kritisch",
                            "en": "@zuidstad_kritisch",
                        },
                        "situation": {
                            "nl": "De gemeenteraad heeft besloten de parkeertarieven in het centrum per 1 maart te verhogen; in de garages aan de rand van het centrum blijft parkeren goedkoper. Een account dat vaker kritisch reageert, schrijft: ‘@gemeentezuidstad Weer de burger uitknijpen. Jullie ambtenaren zijn allemaal zakkenvullers die zelf nooit hoeven te parkeren. Waarom zou ik hier nog winkelen?’ Een paar lokale ondernemers delen het bericht.",
                            "en": "The municipal council has decided to raise parking charges in the town centre from 1 March; parking in the car parks on the edge of the centre stays cheaper. An account that often posts critical comments writes: ‘@gemeentezuidstad Squeezing residents again. Your civil servants are all fat cats who never have to pay for parking. Why would I still shop here?’ A few local business owners share the post.",
                        },
                        "task": {
                            "nl": "Schrijf een openbare reactie. Zeg daarna in één zin of je het bericht verbergt, verwijdert of laat staan, en waarom.",
                            "en": "Write a public reply. Then say in one sentence whether you hide, delete or leave the post, and why.",
                        },
                        "guidance": {
                            "nl": "Het bericht is onaardig, maar het is kritiek zonder bedreiging, discriminatie of aanval op iemand met naam: je laat het staan. Je reageert rustig en feitelijk voor de meelezers: wat is besloten, waarom en waar staat meer informatie. Je gaat niet in op de belediging en geeft geen mening over het besluit.",
                            "en": "The post is unkind, but it is criticism without threats, discrimination or an attack on a named person: you leave it up. You reply calmly and factually for those reading along: what was decided, why and where to find more information. You don't respond to the insult and give no opinion on the decision.",
                        },
                        "model_answer": {
                            "nl": "Reactie: ‘Ik snap dat hogere parkeertarieven vervelend zijn. De gemeenteraad heeft besloten de tarieven in het centrum vanaf 1 maart te verhogen, onder meer om het centrum autoluwer te maken. In de parkeergarages aan de rand van het centrum blijft parkeren goedkoper. Alle tarieven en de uitleg over het besluit vind je op zuidstad.nl/parkeren. ^JV’ Het bericht laat ik staan: het is kritiek met een onaardige opmerking, maar geen bedreiging, discriminatie of aanval op een persoon.",
                            "en": "Reply: ‘I understand that higher parking charges are annoying. The municipal council decided to raise the charges in the town centre from 1 March, partly to reduce car traffic in the centre. Parking in the car parks on the edge of the centre stays cheaper. You'll find all charges and an explanation of the decision at zuidstad.nl/parkeren. ^JV’ I leave the post up: it is criticism with an unkind remark, but not a threat, discrimination or an attack on a person.",
                        },
                    },
                ],
            },
        ],
    },
    {
        "slug": "crisiscommunicatie-hub",
        "topic": "crisis-communication",
        "level": "intermediate",
        "estimated_minutes": 50,
        "pass_mark": 80,
        "title": {
            "nl": "Crisiscommunicatie: van eerste signaal tot nazorg",
            "en": "Crisis communication: from first signal to aftercare",
        },
        "summary": {
            "nl": "Leer wat de hub van Zuidstad doet als het misgaat: signaleren, binnen vijftien minuten een eerste bericht plaatsen, geruchten corrigeren en zorgen voor goede nazorg. Omdat je deze vaardigheden zelden gebruikt, herhaal je de training elk jaar.",
            "en": "Learn what the Zuidstad hub does when things go wrong: spotting signals, posting a first message within fifteen minutes, correcting rumours and providing good aftercare. Because you rarely use these skills, you repeat the training every year.",
        },
        "objectives": [
            {
                "nl": "Je onderscheidt een incident, een issue en een crisis en kent de rol van de hub in het crisisteam.",
                "en": "You can distinguish an incident, an issue and a crisis and know the hub's role in the crisis team.",
            },
            {
                "nl": "Je benoemt de fasen van een crisis en wat inwoners in elke fase van de gemeente nodig hebben.",
                "en": "You can name the phases of a crisis and what residents need from the municipality in each phase.",
            },
            {
                "nl": "Je plaatst binnen vijftien minuten een eerste bericht op basis van een vooraf goedgekeurde holding statement.",
                "en": "You post a first message within fifteen minutes based on a pre-approved holding statement.",
            },
            {
                "nl": "Je corrigeert geruchten zonder ze groter te maken en draagt bij aan nazorg en evaluatie.",
                "en": "You correct rumours without amplifying them and contribute to aftercare and evaluation.",
            },
        ],
        "modules": [
            {
                "slug": "incident-issue-of-crisis",
                "title": {
                    "nl": "Incident, issue of crisis?",
                    "en": "Incident, issue or crisis?",
                },
                "intro": {
                    "nl": "In deze module lees je hoe Zuidstad situaties indeelt, wie er in een crisis wat doet en welke doelen crisiscommunicatie heeft.",
                    "en": "In this module you read how Zuidstad classifies situations, who does what in a crisis and what crisis communication aims to achieve.",
                },
                "minutes": 12,
                "body": [
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Niet alles is een crisis</h2><ul><li><b>Incident</b>: een afgebakende gebeurtenis met beperkte gevolgen, zoals een storing in de online afsprakenplanner of een gesprongen waterleiding in één straat. Webcare en de afdeling vangen dit op.</li><li><b>Issue</b>: een onderwerp dat onrust of negatieve aandacht trekt zonder direct gevaar, zoals ophef over bomenkap of een fout in de belastingaanslagen. Woordvoerder en hub trekken samen op.</li><li><b>Crisis</b>: de veiligheid, gezondheid of het vertrouwen van veel mensen wordt ernstig bedreigd en er zijn snel besluiten nodig. Denk aan een grote brand met rook over een woonwijk of een cyberaanval waardoor de gemeente onbereikbaar is.</li></ul><p>Een incident kan uitgroeien tot een issue of een crisis. Blijf dus monitoren, ook als het rustig lijkt.</p>",
                            "en": "<h2>Not everything is a crisis</h2><ul><li><b>Incident</b>: a contained event with limited consequences, such as a fault in the online appointment planner or a burst water main in one street. Webcare and the department handle it.</li><li><b>Issue</b>: a topic that attracts unrest or negative attention without immediate danger, such as an outcry over tree felling or an error in the tax assessments. The press officer and the hub work on it together.</li><li><b>Crisis</b>: the safety, health or trust of many people is seriously threatened and decisions are needed quickly. Think of a major fire with smoke over a residential area or a cyberattack that makes the municipality unreachable.</li></ul><p>An incident can grow into an issue or a crisis. So keep monitoring, even when things seem quiet.</p>",
                        },
                    },
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Rollen en doelen</h2><p>Bij een crisis heeft de burgemeester de leiding, vaak samen met de veiligheidsregio en de hulpdiensten. Communicatie loopt via één crisiscommunicatieteam, zodat iedereen dezelfde kernboodschap uitdraagt. De hub levert de <b>lead online</b> (alle berichten op sociale media en de website), <b>monitoring</b> (wat zien, vragen en geloven inwoners?) en <b>webcare</b> (vragen beantwoorden met vrijgegeven informatie).</p><p>Crisiscommunicatie heeft drie doelen: <b>informeren</b> (wat is er gebeurd en wat weten we nog niet?), <b>handelingsperspectief bieden</b> (wat kun je zelf doen, zoals ramen en deuren sluiten?) en <b>betekenis geven</b> (erkennen wat er met mensen gebeurt en uitleggen wat de gemeente doet). Hoe langer een crisis duurt, hoe belangrijker dat laatste wordt.</p>",
                            "en": "<h2>Roles and aims</h2><p>In a crisis the mayor is in charge, often together with the regional safety authority and the emergency services. Communication runs through one crisis communication team, so everyone conveys the same core message. The hub provides the <b>online lead</b> (all posts on social media and the website), <b>monitoring</b> (what do residents see, ask and believe?) and <b>webcare</b> (answering questions with released information).</p><p>Crisis communication has three aims: <b>informing</b> (what happened and what don't we know yet?), <b>offering a course of action</b> (what can you do yourself, such as closing windows and doors?) and <b>giving meaning</b> (acknowledging what is happening to people and explaining what the municipality is doing). The longer a crisis lasts, the more important that last aim becomes.</p>",
                        },
                    },
                    {
                        "type": "callout",
                        "kind": "info",
                        "title": {
                            "nl": "Snelheid boven volledigheid",
                            "en": "Speed over completeness",
                        },
                        "text": {
                            "nl": "In de eerste fase is een kort, juist bericht beter dan een compleet bericht dat een uur te laat komt. Zeg wat je weet, zeg wat je nog niet weet en zeg wanneer er meer informatie komt.",
                            "en": "In the first phase a short, accurate message is better than a complete message that comes an hour too late. Say what you know, say what you don't know yet and say when more information will follow.",
                        },
                    },
                ],
            },
            {
                "slug": "fasen-van-een-crisis",
                "title": {
                    "nl": "De fasen van een crisis",
                    "en": "The phases of a crisis",
                },
                "intro": {
                    "nl": "Je leert wat de hub doet in elke fase van een crisis en welke acties direct nodig zijn bij opschaling.",
                    "en": "You learn what the hub does in each phase of a crisis and which actions are needed immediately when the response is scaled up.",
                },
                "minutes": 12,
                "body": [
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Vier fasen</h2><ol><li><b>Signalering</b>: de hub ziet vaak de eerste signalen, zoals foto's van rook of een golf vragen. Bundel ze, check ze bij de meldkamer en licht de dienstdoende crisiscommunicatieadviseur in. Wacht niet tot je zeker weet dat het een crisis is.</li><li><b>Acute fase</b>: mensen willen weten of ze veilig zijn. Binnen vijftien minuten na het besluit om te communiceren staat er een eerste bericht online, daarna minstens elk uur een update.</li><li><b>Stabilisatie</b>: het gevaar is voorbij, de vragen worden ingewikkelder, bijvoorbeeld over gezondheid of schade. Publiceer een vaste pagina met vragen en antwoorden.</li><li><b>Nazorg en herstel</b>: de media vertrekken, maar voor getroffenen begint het vaak pas.</li></ol>",
                            "en": "<h2>Four phases</h2><ol><li><b>Detection</b>: the hub often sees the first signals, such as photos of smoke or a wave of questions. Bundle them, check them with the emergency control room and alert the crisis communication adviser on duty. Don't wait until you are sure it is a crisis.</li><li><b>Acute phase</b>: people want to know whether they are safe. Within fifteen minutes of the decision to communicate a first message is online, followed by an update at least every hour.</li><li><b>Stabilisation</b>: the danger is over, the questions become more complex, for example about health or damage. Publish a fixed page with questions and answers.</li><li><b>Aftercare and recovery</b>: the media leave, but for those affected it often only just begins.</li></ol>",
                        },
                    },
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Direct doen bij opschaling</h2><ul><li>Zet alle ingeplande berichten stil. Een vrolijke post over de braderie naast nieuws over een grote brand kost vertrouwen.</li><li>Spreek af wie publiceert en wie meeleest; de controle duurt hooguit vijf minuten.</li><li>Start een logboek: elk bericht, elk tijdstip, elke bron.</li><li>Controleer of je berichten dezelfde feiten en adviezen noemen als die van de hulpdiensten.</li><li>Regel aflossing: diensten van hooguit vier uur achter het scherm.</li></ul>",
                            "en": "<h2>Do immediately when scaling up</h2><ul><li>Pause all scheduled posts. A cheerful post about the street fair next to news of a major fire costs trust.</li><li>Agree who publishes and who checks; the check takes no more than five minutes.</li><li>Start a log: every message, every time, every source.</li><li>Check that your messages state the same facts and advice as those of the emergency services.</li><li>Arrange relief: shifts of no more than four hours behind the screen.</li></ul>",
                        },
                    },
                    {
                        "type": "quiz",
                        "title": {
                            "nl": "Check: fasen en eerste acties",
                            "en": "Check: phases and first actions",
                        },
                        "intro": {
                            "nl": "Drie vragen over wat je doet in de eerste fasen van een crisis.",
                            "en": "Three questions about what you do in the first phases of a crisis.",
                        },
                        "questions": [
                            {
                                "kind": "single",
                                "text": {
                                    "nl": "Binnen tien minuten komen zes berichten binnen over een harde knal en rook bij het industrieterrein. Er is nog niets officieel bekend. Wat doe je eerst?",
                                    "en": "Within ten minutes six messages come in about a loud bang and smoke at the industrial estate. Nothing has been officially confirmed yet. What do you do first?",
                                },
                                "choices": [
                                    {
                                        "text": {
                                            "nl": "De signalen bundelen, de dienstdoende crisiscommunicatieadviseur inlichten en checken wat de meldkamer weet.",
                                            "en": "Bundle the signals, alert the crisis communication adviser on duty and check what the emergency control room knows.",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. In de signaleringsfase wacht je niet af: je brengt de signalen snel bij de mensen die kunnen beslissen.",
                                            "en": "Correct. In the detection phase you don't wait: you quickly take the signals to the people who can decide.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Wachten tot de brandweer een bericht plaatst.",
                                            "en": "Wait until the fire service posts something.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Dan verlies je kostbare tijd. De hub ziet signalen vaak als eerste en moet ze direct doorgeven.",
                                            "en": "Then you lose valuable time. The hub often sees signals first and must pass them on immediately.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Zelf een bericht plaatsen dat er een explosie is geweest.",
                                            "en": "Post a message yourself saying there has been an explosion.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Dat is nog niet bevestigd. Je publiceert alleen bevestigde feiten, en pas na het besluit om te communiceren.",
                                            "en": "That has not been confirmed. You only publish confirmed facts, and only after the decision to communicate.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "multiple",
                                "text": {
                                    "nl": "Welke acties horen bij de acute fase? Kies alle juiste antwoorden.",
                                    "en": "Which actions belong to the acute phase? Choose all correct answers.",
                                },
                                "choices": [
                                    {
                                        "text": {
                                            "nl": "Alle ingeplande berichten stilzetten.",
                                            "en": "Pausing all scheduled posts.",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Zo voorkom je dat een luchtig bericht verschijnt naast crisisnieuws.",
                                            "en": "Correct. This prevents a light-hearted post from appearing next to crisis news.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Minstens elk uur een update plaatsen, ook als er weinig nieuws is.",
                                            "en": "Posting an update at least every hour, even if there is little news.",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Regelmatige updates geven houvast en laten minder ruimte voor geruchten.",
                                            "en": "Correct. Regular updates give people something to hold on to and leave less room for rumours.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Een logboek bijhouden van alle berichten en bronnen.",
                                            "en": "Keeping a log of all messages and sources.",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Het logboek helpt collega's die je aflossen en is onmisbaar bij de evaluatie.",
                                            "en": "Correct. The log helps colleagues who take over from you and is essential for the evaluation.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Een herdenking aankondigen.",
                                            "en": "Announcing a commemoration.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Een herdenking hoort bij de nazorg, niet bij de eerste uren.",
                                            "en": "A commemoration belongs to aftercare, not to the first hours.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "single",
                                "text": {
                                    "nl": "Welke zin is een voorbeeld van handelingsperspectief?",
                                    "en": "Which sentence is an example of a course of action?",
                                },
                                "choices": [
                                    {
                                        "text": {
                                            "nl": "‘Woon je in Zuidstad-Oost? Houd ramen en deuren dicht en zet de ventilatie uit.’",
                                            "en": "‘Do you live in Zuidstad-Oost? Keep windows and doors closed and switch off ventilation.’",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Deze zin vertelt precies wie wat kan doen om schade te beperken.",
                                            "en": "Correct. This sentence tells exactly who can do what to limit harm.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "‘De brandweer is met groot materieel ter plaatse.’",
                                            "en": "‘The fire service is on site with heavy equipment.’",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Dit is informatie, maar het zegt niet wat inwoners zelf kunnen doen.",
                                            "en": "This is information, but it doesn't tell residents what they can do themselves.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "‘Onze gedachten zijn bij iedereen die getroffen is.’",
                                            "en": "‘Our thoughts are with everyone affected.’",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Dit is betekenisgeving. Belangrijk, maar geen handelingsperspectief.",
                                            "en": "This is giving meaning. Important, but not a course of action.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "‘De oorzaak van de brand wordt onderzocht.’",
                                            "en": "‘The cause of the fire is being investigated.’",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Dit is informatie over wat er nog niet bekend is, geen advies aan inwoners.",
                                            "en": "This is information about what isn't known yet, not advice to residents.",
                                        },
                                    },
                                ],
                            },
                        ],
                    },
                ],
            },
            {
                "slug": "holding-statements",
                "title": {
                    "nl": "Vooraf goedgekeurde berichten",
                    "en": "Pre-approved holding statements",
                },
                "intro": {
                    "nl": "Je leert hoe je een holding statement gebruikt om binnen vijftien minuten een eerste bericht te plaatsen.",
                    "en": "You learn how to use a holding statement to post a first message within fifteen minutes.",
                },
                "minutes": 13,
                "body": [
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Waarom een holding statement?</h2><p>In de eerste minuten van een crisis is weinig bekend en is er geen tijd voor een lange afstemmingsronde. Een holding statement is een korte basistekst die het crisisteam en de burgemeester vooraf hebben goedgekeurd. Jij vult alleen de bevestigde feiten in en publiceert. Zuidstad heeft ze onder meer voor een grote brand, uitval van stroom of drinkwater, extreem weer en een cyberaanval. Ze staan in het crisisdraaiboek van de hub en worden na elke oefening bijgewerkt.</p>",
                            "en": "<h2>Why a holding statement?</h2><p>In the first minutes of a crisis little is known and there is no time for a long approval round. A holding statement is a short base text that the crisis team and the mayor have approved in advance. You only fill in the confirmed facts and publish. Zuidstad has them for, among other things, a major fire, a power or drinking water outage, extreme weather and a cyberattack. They are in the hub's crisis playbook and are updated after every exercise.</p>",
                        },
                    },
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>De opbouw</h2><p>Wat is er aan de hand? Waar en wanneer? Wat moet je doen? Wat weten we nog niet? Wanneer en waar hoor je meer? Het holding statement voor een grote brand:</p><p><i>‘Er is een grote brand bij [locatie] in [wijk]. Er komt veel rook vrij. Ben je in [gebied]? Houd ramen en deuren dicht en zet de ventilatie uit. De brandweer is ter plaatse. We weten nog niet hoe de brand is ontstaan. Om [tijd] volgt een update op zuidstad.nl/actueel.’</i></p><p>Je schrijft geen speculatie over oorzaak of schuld, geen aantallen slachtoffers of namen (die komen van de politie of het crisisteam) en geen geruststelling die je niet kunt waarmaken, zoals ‘er is geen gevaar’.</p>",
                            "en": "<h2>The structure</h2><p>What is going on? Where and when? What do you need to do? What don't we know yet? When and where will you hear more? The holding statement for a major fire:</p><p><i>‘There is a major fire at [location] in [district]. A lot of smoke is being released. Are you in [area]? Keep windows and doors closed and switch off ventilation. The fire service is on site. We don't yet know how the fire started. An update will follow at [time] on zuidstad.nl/actueel.’</i></p><p>You write no speculation about cause or blame, no numbers of casualties or names (these come from the police or the crisis team) and no reassurance you can't back up, such as ‘there is no danger’.</p>",
                        },
                    },
                    {
                        "type": "callout",
                        "kind": "warning",
                        "title": {
                            "nl": "Alleen bevestigde feiten",
                            "en": "Confirmed facts only",
                        },
                        "text": {
                            "nl": "Vul alleen feiten in die de meldkamer, de hulpdiensten of het crisisteam hebben bevestigd. Een foto of bericht van een inwoner is een signaal, geen bevestiging.",
                            "en": "Only fill in facts confirmed by the emergency control room, the emergency services or the crisis team. A photo or post from a resident is a signal, not a confirmation.",
                        },
                    },
                    {
                        "type": "scenario",
                        "title": {
                            "nl": "Brand in een opslagloods",
                            "en": "Fire in a warehouse",
                        },
                        "channel": "incident",
                        "author": {
                            "nl": "Meldkamer",
                            "en": "Emergency control room",
                        },
                        "situation": {
                            "nl": "Woensdag, 14.40 uur. De crisiscommunicatieadviseur belt: in een opslagloods met kunststof op industrieterrein Zuidhaven woedt een grote brand. De meldkamer bevestigt dat er veel rook vrijkomt die richting de wijk Zuidstad-Oost waait. Er zijn geen gewonden gemeld en de oorzaak is onbekend. De brandweer adviseert in Zuidstad-Oost ramen en deuren te sluiten en de ventilatie uit te zetten. Op sociale media gaan al foto's rond met de tekst ‘gifwolk boven Zuidstad’.",
                            "en": "Wednesday, 14:40. The crisis communication adviser calls: a major fire is raging in a warehouse full of plastics on the Zuidhaven industrial estate. The emergency control room confirms that a lot of smoke is being released and is blowing towards the Zuidstad-Oost district. No injuries have been reported and the cause is unknown. The fire service advises people in Zuidstad-Oost to close windows and doors and switch off ventilation. Photos are already circulating on social media captioned ‘toxic cloud over Zuidstad’.",
                        },
                        "task": {
                            "nl": "Schrijf het eerste bericht voor de sociale media van Zuidstad, op basis van het holding statement voor een grote brand.",
                            "en": "Write the first message for Zuidstad's social media, based on the holding statement for a major fire.",
                        },
                        "guidance": {
                            "nl": "Een goed eerste bericht is kort en bevat alleen bevestigde feiten: wat, waar, wat je moet doen, wat nog niet bekend is en wanneer de volgende update komt. Je neemt het woord ‘gifwolk’ niet over en zegt niets over gevaar dat niet is vastgesteld. Je noemt een vaste plek voor updates.",
                            "en": "A good first message is short and contains only confirmed facts: what, where, what to do, what isn't known yet and when the next update will come. You don't repeat the term ‘toxic cloud’ and say nothing about danger that hasn't been established. You name a fixed place for updates.",
                        },
                        "model_answer": {
                            "nl": "Er is een grote brand in een opslagloods op industrieterrein Zuidhaven. Er komt veel rook vrij, die richting Zuidstad-Oost waait. Ben je in Zuidstad-Oost? Houd ramen en deuren dicht en zet de ventilatie uit. Er zijn geen gewonden gemeld. De brandweer is ter plaatse. Hoe de brand is ontstaan, weten we nog niet. Om 15.30 uur volgt een update op zuidstad.nl/actueel.",
                            "en": "There is a major fire in a warehouse on the Zuidhaven industrial estate. A lot of smoke is being released and is blowing towards Zuidstad-Oost. Are you in Zuidstad-Oost? Keep windows and doors closed and switch off ventilation. No injuries have been reported. The fire service is on site. We don't yet know how the fire started. An update will follow at 15:30 on zuidstad.nl/actueel.",
                        },
                    },
                ],
            },
            {
                "slug": "geruchten-nazorg-en-evaluatie",
                "title": {
                    "nl": "Geruchten, nazorg en evaluatie",
                    "en": "Rumours, aftercare and evaluation",
                },
                "intro": {
                    "nl": "Je leert geruchten corrigeren zonder ze te versterken, en wat de hub doet als het acute gevaar voorbij is.",
                    "en": "You learn to correct rumours without amplifying them, and what the hub does once the acute danger has passed.",
                },
                "minutes": 13,
                "body": [
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Corrigeren zonder te versterken</h2><p>Waar informatie ontbreekt, vullen mensen het gat zelf in, meestal uit bezorgdheid. De beste bescherming tegen geruchten is snel, regelmatig en eerlijk informeren. Corrigeer een gerucht als het veel wordt gedeeld, als het schade kan doen (paniek, gevaarlijk gedrag) en als je bevestigde feiten hebt.</p><p>Begin met het juiste feit, niet met het gerucht: ‘Het drinkwater is veilig, je kunt het gewoon gebruiken’ werkt beter dan ‘Het is niet waar dat het drinkwater vervuild is’. Wie het gerucht herhaalt, helpt het verspreiden. Reageer waar het gerucht leeft, zet het antwoord ook op de vragenpagina en blijf vriendelijk tegen mensen die het delen.</p>",
                            "en": "<h2>Correcting without amplifying</h2><p>Where information is missing, people fill in the gap themselves, usually out of concern. The best protection against rumours is to inform quickly, regularly and honestly. Correct a rumour if it is widely shared, if it can do harm (panic, dangerous behaviour) and if you have confirmed facts.</p><p>Start with the correct fact, not the rumour: ‘The drinking water is safe, you can use it as normal’ works better than ‘It is not true that the drinking water is contaminated’. Anyone who repeats the rumour helps spread it. Respond where the rumour lives, also put the answer on the Q&amp;A page and stay friendly towards people who share it.</p>",
                        },
                    },
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Nazorg, evaluatie en oefenen</h2><p>Na het acute gevaar verandert de toon: minder alarm, meer uitleg en aandacht. Vertel waar mensen terechtkunnen met schade of zorgen, houd de vragenpagina actueel en plaats gewone berichten pas weer na overleg met de crisiscommunicatieadviseur.</p><p>Evalueer na elke opschaling: hoe snel stond het eerste bericht online, waren de berichten in lijn met die van de hulpdiensten, werkte de correctie van geruchten en hoe ging het met de collega's achter de schermen? Verwerk de lessen in het draaiboek. Omdat je crisisvaardigheden zelden gebruikt, is dit certificaat een jaar geldig en oefen je elk jaar minstens één keer.</p>",
                            "en": "<h2>Aftercare, evaluation and practice</h2><p>After the acute danger the tone changes: less alarm, more explanation and attention. Tell people where to go with damage or worries, keep the Q&amp;A page up to date and only resume regular posts after consulting the crisis communication adviser.</p><p>Evaluate after every scale-up: how quickly was the first message online, were the messages in line with those of the emergency services, did correcting rumours work and how were the colleagues behind the scenes doing? Incorporate the lessons into the playbook. Because you rarely use crisis skills, this certificate is valid for one year and you practise at least once a year.</p>",
                        },
                    },
                    {
                        "type": "scenario",
                        "title": {
                            "nl": "Een gerucht over het drinkwater",
                            "en": "A rumour about the drinking water",
                        },
                        "channel": "twitter",
                        "author": {
                            "nl": "@zuidstad_nieuws24",
                            "en": "@zuidstad_nieuws24",
                        },
                        "situation": {
                            "nl": "De volgende ochtend is de brand onder controle. Metingen van de brandweer laten geen schadelijke stoffen boven de normen zien. Een veelgevolgd account plaatst: ‘Insiders melden: drinkwater in Zuidstad-Oost vervuild door bluswater. Niet drinken!! Delen!’ Het bericht is in een uur ruim 800 keer gedeeld. Het waterbedrijf heeft het crisisteam net laten weten dat het drinkwater veilig is: de controlemetingen van vannacht en vanochtend laten niets bijzonders zien.",
                            "en": "The next morning the fire is under control. Measurements by the fire service show no harmful substances above the limits. A widely followed account posts: ‘Insiders report: drinking water in Zuidstad-Oost contaminated by firefighting water. Don't drink it!! Share!’ Within an hour the post has been shared more than 800 times. The water company has just told the crisis team that the drinking water is safe: the control measurements taken overnight and this morning show nothing unusual.",
                        },
                        "task": {
                            "nl": "Schrijf een reactie onder het bericht en een korte tekst voor een algemeen bericht op de kanalen van Zuidstad.",
                            "en": "Write a reply below the post and a short text for a general post on Zuidstad's channels.",
                        },
                        "guidance": {
                            "nl": "Het gerucht heeft groot bereik, kan onnodige zorgen veroorzaken en er zijn bevestigde feiten: je corrigeert. Begin met het juiste feit en herhaal het gerucht niet letterlijk. Noem de bron van je informatie, verwijs naar de vaste plek voor updates en beschuldig niemand.",
                            "en": "The rumour has wide reach, can cause needless worry and there are confirmed facts: you correct it. Start with the correct fact and don't repeat the rumour word for word. Name the source of your information, refer to the fixed place for updates and don't accuse anyone.",
                        },
                        "model_answer": {
                            "nl": "Reactie: ‘Het drinkwater in Zuidstad-Oost is veilig, je kunt het gewoon gebruiken. Het waterbedrijf heeft dit vanochtend bevestigd: de controlemetingen laten niets bijzonders zien. Meer vragen en antwoorden over de brand vind je op zuidstad.nl/actueel.’ Algemeen bericht: ‘Update brand Zuidhaven: het drinkwater in heel Zuidstad is veilig. Dat bevestigt het waterbedrijf. Ook de metingen van de brandweer laten geen schadelijke stoffen boven de normen zien. Vragen? Kijk op zuidstad.nl/actueel of stuur ons een bericht.’",
                            "en": "Reply: ‘The drinking water in Zuidstad-Oost is safe, you can use it as normal. The water company confirmed this this morning: the control measurements show nothing unusual. More questions and answers about the fire at zuidstad.nl/actueel.’ General post: ‘Update Zuidhaven fire: the drinking water throughout Zuidstad is safe. The water company confirms this. The fire service's measurements also show no harmful substances above the limits. Questions? See zuidstad.nl/actueel or send us a message.’",
                        },
                    },
                ],
            },
        ],
    },
    {
        "slug": "linkedin-voor-gemeentemedewerkers",
        "topic": "personal-branding",
        "level": "beginner",
        "estimated_minutes": 35,
        "pass_mark": 70,
        "title": {
            "nl": "Personal branding op LinkedIn voor gemeentemedewerkers",
            "en": "Personal branding on LinkedIn for municipal employees",
        },
        "summary": {
            "nl": "Ontdek hoe je als medewerker van gemeente Zuidstad zichtbaar wordt op LinkedIn: met een sterk profiel en berichten over je werk, binnen de grenzen van integriteit, neutraliteit en privacy.",
            "en": "Discover how to become visible on LinkedIn as an employee of the municipality of Zuidstad: with a strong profile and posts about your work, within the limits of integrity, neutrality and privacy.",
        },
        "objectives": [
            {
                "nl": "Je legt uit wat zichtbaarheid op LinkedIn jou, je werk en de gemeente oplevert.",
                "en": "You can explain what visibility on LinkedIn brings you, your work and the municipality.",
            },
            {
                "nl": "Je richt je profiel zo in dat duidelijk is wat je doet en voor wie.",
                "en": "You set up your profile so it is clear what you do and for whom.",
            },
            {
                "nl": "Je kent de grenzen van geheimhouding, privacy en politieke neutraliteit als je online over je werk praat.",
                "en": "You know the limits of confidentiality, privacy and political neutrality when talking about your work online.",
            },
            {
                "nl": "Je schrijft een bericht over je werk dat waarde heeft voor je netwerk.",
                "en": "You write a post about your work that offers value to your network.",
            },
        ],
        "modules": [
            {
                "slug": "zichtbaar-worden",
                "title": {
                    "nl": "Zichtbaar worden: waarom en hoe je begint",
                    "en": "Becoming visible: why, and how to start",
                },
                "intro": {
                    "nl": "Je leest waarom het waardevol is als gemeentemedewerkers zichtbaar zijn, en hoe je je LinkedIn-profiel op orde brengt.",
                    "en": "You read why it is valuable for municipal employees to be visible, and how to get your LinkedIn profile in shape.",
                },
                "minutes": 10,
                "body": [
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>De gemeente een gezicht geven</h2><p>Inwoners en partners kennen de gemeente vooral als logo, website en brief. Als een beleidsadviseur energie, een wijkregisseur of een jurist laat zien wat het werk inhoudt, wordt de overheid benaderbaar. Personal branding betekent niet dat je jezelf aanprijst: je laat bewust zien wat je weet, waar je aan werkt en waar je voor staat.</p><ul><li><b>Voor jou</b>: een netwerk van vakgenoten en kennis die naar je toe komt.</li><li><b>Voor je werk</b>: partners en ondernemers vinden je sneller.</li><li><b>Voor de gemeente</b>: enthousiaste medewerkers zijn het beste visitekaartje voor nieuwe collega's, en hun berichten worden vaak meer vertrouwd dan die van de gemeentepagina.</li></ul><p>Niemand is verplicht om actief te zijn. Wil je het wel, dan helpt de hub met spreekuren en een maandelijks overzicht van nieuws dat je kunt delen. Wat je plaatst, blijft je eigen verantwoordelijkheid.</p>",
                            "en": "<h2>Giving the municipality a face</h2><p>Residents and partners mostly know the municipality as a logo, a website and a letter. When an energy policy adviser, a neighbourhood coordinator or a lawyer shows what the work involves, government becomes approachable. Personal branding doesn't mean promoting yourself: you consciously show what you know, what you are working on and what you stand for.</p><ul><li><b>For you</b>: a network of peers and knowledge that comes to you.</li><li><b>For your work</b>: partners and business owners find you faster.</li><li><b>For the municipality</b>: enthusiastic employees are the best calling card for new colleagues, and their posts are often trusted more than those of the municipality's page.</li></ul><p>Nobody is obliged to be active. If you want to be, the hub helps with drop-in sessions and a monthly overview of news you can share. What you post remains your own responsibility.</p>",
                        },
                    },
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Je profiel op orde</h2><ul><li><b>Foto</b>: recent en herkenbaar, met een rustige achtergrond.</li><li><b>Kopregel</b>: wat je doet en voor wie. Niet ‘Beleidsadviseur’, maar ‘Ik help wijken in Zuidstad van het aardgas af | beleidsadviseur energietransitie’.</li><li><b>Info</b>: een paar korte alinea's in de ik-vorm. Waar werk je aan en waarvoor kunnen mensen je benaderen?</li><li><b>Ervaring</b>: concreet. ‘Met vijf basisscholen veilige schoolroutes ontworpen’ zegt meer dan ‘verantwoordelijk voor verkeersveiligheid’.</li></ul><p>Werk je bij handhaving, jeugdzorg of uitkeringen? Bespreek dan met je leidinggevende of het verstandig is je werkgever en functie te noemen. Noem nooit je woonadres of vaste werktijden.</p>",
                            "en": "<h2>Getting your profile in shape</h2><ul><li><b>Photo</b>: recent and recognisable, with a plain background.</li><li><b>Headline</b>: what you do and for whom. Not ‘Policy adviser’, but ‘I help Zuidstad neighbourhoods move off natural gas | energy transition policy adviser’.</li><li><b>About</b>: a few short paragraphs in the first person. What are you working on and what can people approach you about?</li><li><b>Experience</b>: be concrete. ‘Designed safe school routes with five primary schools’ says more than ‘responsible for road safety’.</li></ul><p>Do you work in enforcement, youth care or benefits? Then discuss with your manager whether it is wise to name your employer and position. Never mention your home address or fixed working hours.</p>",
                        },
                    },
                    {
                        "type": "callout",
                        "kind": "info",
                        "title": {
                            "nl": "Ambassadeur, geen woordvoerder",
                            "en": "Ambassador, not spokesperson",
                        },
                        "text": {
                            "nl": "Als je over je werk post, spreek je namens jezelf. Officiële standpunten van de gemeente komen van het college en de woordvoerders.",
                            "en": "When you post about your work, you speak for yourself. The municipality's official positions come from the executive and the press officers.",
                        },
                    },
                ],
            },
            {
                "slug": "integriteit-en-neutraliteit",
                "title": {
                    "nl": "Integriteit, neutraliteit en geheimhouding",
                    "en": "Integrity, neutrality and confidentiality",
                },
                "intro": {
                    "nl": "Je leert waar de grenzen liggen als je als ambtenaar online over je werk en de politiek praat.",
                    "en": "You learn where the limits lie when, as a civil servant, you talk online about your work and politics.",
                },
                "minutes": 12,
                "body": [
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Je bent altijd ook ambtenaar</h2><p>Je hebt vrijheid van meningsuiting, net als iedereen. Maar de Ambtenarenwet vraagt terughoudendheid als je uitingen je functie of het functioneren van de gemeente kunnen schaden. Hoe dichter een onderwerp bij je eigen werk ligt en hoe zichtbaarder je functie, hoe voorzichtiger je bent. Publiek kritiek leveren op een bomenkapbesluit waaraan je zelf hebt meegewerkt, schaadt het vertrouwen in de gemeente en in jou.</p><ul><li><b>Geheimhouding</b>: niets delen wat je vertrouwelijk weet, zoals besluiten in voorbereiding.</li><li><b>Privacy</b>: geen informatie over inwoners of hun zaken. Foto's van mensen alleen met toestemming.</li><li><b>Neutraliteit</b>: geen steun of kritiek op partijen, raadsleden of wethouders. Bij besluiten leg je uit, je oordeelt niet.</li><li><b>Geen woordvoering</b>: vragen van journalisten gaan naar de persvoorlichting.</li><li><b>Nieuws</b> van de gemeente deel je pas als het officieel is gepubliceerd.</li></ul>",
                            "en": "<h2>You are always a civil servant too</h2><p>You have freedom of expression, like everyone else. But the Civil Servants Act asks for restraint if your statements could harm your position or the functioning of the municipality. The closer a topic is to your own work and the more visible your position, the more careful you are. Publicly criticising a tree-felling decision you helped prepare damages trust in the municipality and in you.</p><ul><li><b>Confidentiality</b>: share nothing you know in confidence, such as decisions in preparation.</li><li><b>Privacy</b>: no information about residents or their cases. Photos of people only with consent.</li><li><b>Neutrality</b>: no support for or criticism of parties, council members or aldermen. With decisions you explain, you don't judge.</li><li><b>No spokesperson role</b>: questions from journalists go to the press office.</li><li><b>News</b> from the municipality you only share once it has been officially published.</li></ul>",
                        },
                    },
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Een disclaimer beschermt je niet</h2><p>Veel mensen zetten ‘berichten op persoonlijke titel’ in hun profiel. Dat mag, maar het verandert niets aan de regels. Ben je zichtbaar medewerker van de gemeente, dan worden je berichten ook zo gelezen.</p><p>Twijfel je? Doe de krantentest: zou je het goed vinden als je bericht morgen in de lokale krant staat onder de kop ‘Ambtenaar gemeente Zuidstad zegt…’? Twijfel je nog steeds, plaats het dan niet, of overleg met je leidinggevende, de hub of de integriteitscoördinator.</p>",
                            "en": "<h2>A disclaimer doesn't protect you</h2><p>Many people put ‘views are my own’ in their profile. That's allowed, but it changes nothing about the rules. If you are visibly a municipal employee, your posts will be read that way.</p><p>In doubt? Do the newspaper test: would you be comfortable if your post appeared in the local paper tomorrow under the headline ‘Zuidstad council official says…’? Still in doubt? Then don't post it, or consult your manager, the hub or the integrity coordinator.</p>",
                        },
                    },
                    {
                        "type": "callout",
                        "kind": "warning",
                        "title": {
                            "nl": "Ook likes en reposts tellen",
                            "en": "Likes and reposts count too",
                        },
                        "text": {
                            "nl": "Een like of repost wordt vaak gelezen als instemming. Wees net zo zorgvuldig met wat je liket en deelt als met wat je zelf schrijft.",
                            "en": "A like or repost is often read as agreement. Be just as careful with what you like and share as with what you write yourself.",
                        },
                    },
                    {
                        "type": "quiz",
                        "title": {
                            "nl": "Check: wat kan wel en wat niet?",
                            "en": "Check: what's fine and what isn't?",
                        },
                        "intro": {
                            "nl": "Drie vragen over wat wel en niet kan als je over je werk post.",
                            "en": "Three questions about what is and isn't fine when you post about your work.",
                        },
                        "questions": [
                            {
                                "kind": "single",
                                "text": {
                                    "nl": "Je werkt mee aan plannen voor een nieuw zwembad. Het college heeft nog geen besluit genomen. Een oud-studiegenoot vraagt onder je bericht of het zwembad er komt. Wat doe je?",
                                    "en": "You are working on plans for a new swimming pool. The executive hasn't taken a decision yet. A former fellow student asks below your post whether the pool is going ahead. What do you do?",
                                },
                                "choices": [
                                    {
                                        "text": {
                                            "nl": "Je antwoordt dat er nog geen besluit is en dat het nieuws op de website komt zodra dat er is.",
                                            "en": "You reply that no decision has been taken and that the news will be on the website as soon as there is one.",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Je bent vriendelijk en eerlijk, zonder vertrouwelijke informatie te delen.",
                                            "en": "Correct. You are friendly and honest without sharing confidential information.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Je laat hem in een privébericht weten dat het zwembad er waarschijnlijk komt.",
                                            "en": "You let him know in a private message that the pool will probably go ahead.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Ook privé blijft informatie over een besluit in voorbereiding vertrouwelijk.",
                                            "en": "Even in private, information about a decision in preparation remains confidential.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Je reageert niet, want medewerkers mogen niets over projecten zeggen.",
                                            "en": "You don't reply, because employees may say nothing about projects.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Dat is te streng. Je mag openbare informatie gewoon delen en uitleggen hoe het proces verloopt.",
                                            "en": "That is too strict. You may share public information and explain how the process works.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "multiple",
                                "text": {
                                    "nl": "Welke berichten passen binnen de vuistregels van Zuidstad? Kies alle juiste antwoorden.",
                                    "en": "Which posts fit within Zuidstad's rules of thumb? Choose all correct answers.",
                                },
                                "choices": [
                                    {
                                        "text": {
                                            "nl": "Een verslag van een vakcongres over hoe gemeenten hitte in wijken aanpakken.",
                                            "en": "A report on a professional conference about how municipalities tackle heat in neighbourhoods.",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Vakkennis delen is waardevol en raakt niet aan vertrouwelijke of politieke onderwerpen.",
                                            "en": "Correct. Sharing professional knowledge is valuable and doesn't touch on confidential or political matters.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Het officiële nieuwsbericht over de opening van de nieuwe bibliotheek, met een zin over jouw rol.",
                                            "en": "The official news item about the opening of the new library, with a sentence about your role.",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Het nieuws is al gepubliceerd, en je persoonlijke rol maakt het bericht sterker.",
                                            "en": "Correct. The news has already been published, and your personal role makes the post stronger.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Een bericht dat de raad een ‘dom besluit’ heeft genomen over parkeren, ‘op persoonlijke titel’.",
                                            "en": "A post saying the council took a ‘stupid decision’ on parking, ‘views my own’.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Een disclaimer verandert niets: als zichtbare medewerker beoordeel je geen besluiten van de raad.",
                                            "en": "A disclaimer changes nothing: as a visible employee you don't judge council decisions.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Een foto van je team tijdens een huisbezoek, met de voordeur van de inwoner herkenbaar in beeld.",
                                            "en": "A photo of your team during a home visit, with the resident's front door recognisable.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Hiermee maak je een inwoner herkenbaar. Dat is een inbreuk op zijn privacy.",
                                            "en": "This makes a resident identifiable. That is a breach of their privacy.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "single",
                                "text": {
                                    "nl": "Een journalist reageert onder jouw bericht over een nieuw fietspad: ‘Klopt het dat het project twee ton duurder is geworden?’ Wat doe je?",
                                    "en": "A journalist comments below your post about a new cycle path: ‘Is it true the project has gone 200,000 euros over budget?’ What do you do?",
                                },
                                "choices": [
                                    {
                                        "text": {
                                            "nl": "Je reageert dat je hem graag in contact brengt met de persvoorlichting, en geeft de vraag door aan de woordvoerder.",
                                            "en": "You reply that you'll gladly put him in touch with the press office, and pass the question to the press officer.",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Persvragen beantwoordt de woordvoerder, ook als ze onder jouw eigen bericht staan.",
                                            "en": "Correct. The press officer answers press questions, even if they appear below your own post.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Je bevestigt het bedrag, want de journalist weet het toch al.",
                                            "en": "You confirm the amount, since the journalist already knows.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Daarmee treed je op als woordvoerder. Dat is niet jouw rol.",
                                            "en": "That makes you act as a spokesperson. That is not your role.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Je legt uitgebreid uit waarom de kosten zijn gestegen.",
                                            "en": "You explain at length why the costs went up.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Ook een goed bedoelde uitleg is woordvoering. Laat dat aan de persvoorlichting.",
                                            "en": "Even a well-meant explanation is speaking on behalf of the municipality. Leave that to the press office.",
                                        },
                                    },
                                ],
                            },
                        ],
                    },
                ],
            },
            {
                "slug": "posten-over-je-werk",
                "title": {
                    "nl": "Posten over je werk",
                    "en": "Posting about your work",
                },
                "intro": {
                    "nl": "Je leert welke onderwerpen goed werken en hoe je een sterk, toegankelijk bericht schrijft.",
                    "en": "You learn which topics work well and how to write a strong, accessible post.",
                },
                "minutes": 13,
                "body": [
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Wat deel je?</h2><p>Je hoeft geen influencer te worden. Eén bericht per maand en af en toe een inhoudelijke reactie bij een ander is genoeg om zichtbaar te zijn. Onderwerpen die goed werken:</p><ul><li><b>Achter de schermen</b>: hoe ziet je werk er echt uit?</li><li><b>Een mijlpaal</b>: de oplevering van een project, met aandacht voor wie eraan hebben meegewerkt.</li><li><b>Een les</b>: iets wat je hebt geleerd, ook van iets wat niet goed ging.</li><li><b>Kennis</b>: een samenvatting van een rapport of nieuwe regel die vakgenoten helpt.</li><li><b>Een vacature</b>: in je eigen woorden, waarom het een mooie plek is om te werken.</li></ul>",
                            "en": "<h2>What do you share?</h2><p>You don't need to become an influencer. One post a month and an occasional thoughtful comment on someone else's post is enough to be visible. Topics that work well:</p><ul><li><b>Behind the scenes</b>: what does your work really look like?</li><li><b>A milestone</b>: the completion of a project, crediting those who worked on it.</li><li><b>A lesson</b>: something you learned, including from something that didn't go well.</li><li><b>Knowledge</b>: a summary of a report or a new rule that helps your peers.</li><li><b>A vacancy</b>: in your own words, why it is a great place to work.</li></ul>",
                        },
                    },
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Zo schrijf je een sterk bericht</h2><ol><li><b>Begin met een haakje.</b> Alleen de eerste twee regels zijn zichtbaar voordat iemand op ‘meer’ klikt.</li><li><b>Vertel het verhaal</b> in korte alinea's, zoals je het bij de koffieautomaat zou vertellen.</li><li><b>Geef anderen de eer</b>, en tag collega's of partners alleen als ze dat goed vinden.</li><li><b>Sluit af met een vraag</b> die uitnodigt tot reageren.</li><li><b>Hooguit drie hashtags</b>, met een hoofdletter per woord, zoals #WerkenBijZuidstad. Dat leest beter, ook voor schermlezers.</li></ol><p>Schrijf bij een foto een alternatieve tekst. Staat er iemand herkenbaar op, vraag dan eerst toestemming; voor kinderen onder de zestien heb je toestemming van een ouder nodig.</p>",
                            "en": "<h2>How to write a strong post</h2><ol><li><b>Start with a hook.</b> Only the first two lines are visible before someone clicks ‘more’.</li><li><b>Tell the story</b> in short paragraphs, the way you would at the coffee machine.</li><li><b>Give others credit</b>, and only tag colleagues or partners if they are happy with it.</li><li><b>End with a question</b> that invites a response.</li><li><b>No more than three hashtags</b>, with a capital letter for each word, such as #WerkenBijZuidstad. That reads better, including for screen readers.</li></ol><p>Write alternative text for a photo. If someone is recognisable in it, ask for consent first; for children under sixteen you need consent from a parent.</p>",
                        },
                    },
                    {
                        "type": "scenario",
                        "title": {
                            "nl": "De nieuwe speeltuin in het Beekpark",
                            "en": "The new playground in Beekpark",
                        },
                        "channel": "linkedin",
                        "author": {
                            "nl": "Gemeente Zuidstad (nieuwsbericht)",
                            "en": "Municipality of Zuidstad (news item)",
                        },
                        "situation": {
                            "nl": "Vandaag heeft de wethouder de vernieuwde speeltuin in het Beekpark geopend. Jij was projectleider. Kinderen uit de buurt hebben in een ontwerpsessie meegedacht; op hun verzoek is er een schommel gekomen waar ook kinderen in een rolstoel op kunnen. De gemeente heeft een nieuwsbericht gepubliceerd met een overzichtsfoto. Op je telefoon staan foto's van de opening met spelende kinderen uit de buurt.",
                            "en": "Today the alderman opened the renovated playground in Beekpark. You were the project leader. Children from the neighbourhood contributed ideas in a design session; at their request there is now a swing that children in a wheelchair can use too. The municipality has published a news item with an overview photo. Your phone holds photos of the opening with local children playing.",
                        },
                        "task": {
                            "nl": "Schrijf een LinkedIn-bericht van hooguit 150 woorden over dit project, vanuit jouw rol. Geef ook aan welke foto je kiest en schrijf er een alternatieve tekst bij.",
                            "en": "Write a LinkedIn post of no more than 150 words about this project, from your role. Also state which photo you choose and write alternative text for it.",
                        },
                        "guidance": {
                            "nl": "Een goed bericht begint met een concreet haakje en vertelt iets persoonlijks: wat je hebt geleerd of waar je trots op bent. Het geeft de kinderen en collega's de eer, zonder kinderen herkenbaar in beeld te brengen. Kies daarom de overzichtsfoto uit het nieuwsbericht en schrijf een alternatieve tekst. Sluit af met een vraag en gebruik hooguit drie hashtags.",
                            "en": "A good post starts with a concrete hook and shares something personal: what you learned or what you are proud of. It gives credit to the children and colleagues without showing children recognisably. So choose the overview photo from the news item and write alternative text. End with a question and use no more than three hashtags.",
                        },
                        "model_answer": {
                            "nl": "Wat wil een kind van negen in een speeltuin? Wij hebben het gewoon gevraagd. Vandaag ging de vernieuwde speeltuin in het Beekpark open. Eén wens van de kinderen kwam steeds terug: een schommel waar ook een klasgenoot in een rolstoel op kan. Die staat er nu. Als projectleider heb ik geleerd hoe scherp kinderen kijken: ze zagen meteen waar een pad te smal was. Dank aan mijn collega's van Openbare Ruimte en vooral aan de jonge ontwerpers. Welke speeltuin uit je jeugd ben jij nooit vergeten? #Speelruimte #WerkenBijZuidstad. Foto: de overzichtsfoto uit het nieuwsbericht, met als alt-tekst ‘Nieuwe speeltuin in het Beekpark met een klimtoestel en een brede schommel voor kinderen in een rolstoel’.",
                            "en": "What does a nine-year-old want in a playground? We simply asked. Today the renovated playground in Beekpark opened. One wish from the children kept coming back: a swing a classmate in a wheelchair can use too. Now it's there. As project leader I learned how sharp children's eyes are: they immediately spotted where a path was too narrow. Thanks to my colleagues at Public Space and above all to the young designers. Which playground from your childhood have you never forgotten? #Speelruimte #WerkenBijZuidstad. Photo: the overview photo from the news item, with the alt text ‘New playground in Beekpark with a climbing frame and a wide swing for children in a wheelchair’.",
                        },
                    },
                ],
            },
        ],
    },
    {
        "slug": "inwoners-betrekken-online",
        "topic": "social-engagement",
        "level": "intermediate",
        "estimated_minutes": 35,
        "pass_mark": 70,
        "title": {
            "nl": "Social engagement: inwoners betrekken online",
            "en": "Social engagement: involving residents online",
        },
        "summary": {
            "nl": "Leer hoe de hub van Zuidstad berichten maakt waar inwoners echt iets mee doen, en hoe je een online gesprek over plannen in de wijk goed begeleidt.",
            "en": "Learn how the Zuidstad hub creates posts that residents actually engage with, and how to guide an online conversation about plans for the neighbourhood.",
        },
        "objectives": [
            {
                "nl": "Je legt uit wat engagement voor een gemeente betekent en welke cijfers bij welk doel horen.",
                "en": "You can explain what engagement means for a municipality and which figures fit which goal.",
            },
            {
                "nl": "Je kiest een format en een kanaal die passen bij je doel en je doelgroep.",
                "en": "You choose a format and a channel that suit your goal and your audience.",
            },
            {
                "nl": "Je maakt berichten toegankelijk met alternatieve tekst, ondertiteling en taal op B1-niveau.",
                "en": "You make posts accessible with alternative text, subtitles and B1-level language.",
            },
            {
                "nl": "Je begeleidt een online gesprek over een plan zonder verwarring over formele inspraak.",
                "en": "You guide an online conversation about a plan without confusion about formal consultation.",
            },
        ],
        "modules": [
            {
                "slug": "wat-is-engagement",
                "title": {"nl": "Meer dan likes", "en": "More than likes"},
                "intro": {
                    "nl": "Je leest wat engagement is, welke cijfers ertoe doen en hoe de hub samen met de vakafdelingen aan goede content werkt.",
                    "en": "You read what engagement is, which figures matter and how the hub works with the specialist departments on good content.",
                },
                "minutes": 10,
                "body": [
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Begin bij het doel</h2><p>Engagement is wat mensen doen met je bericht: reageren, delen, opslaan, doorklikken, meedoen. Voor een gemeente is het geen doel op zich, maar een middel om inwoners te informeren, te betrekken bij plannen en vertrouwen op te bouwen. Een bericht over de hondenbelasting met honderd boze reacties heeft ook veel engagement. Dat zegt nog niet dat het een goed bericht was.</p><p>Vraag je daarom eerst af wat je wilt: dat inwoners iets <b>weten</b>, iets <b>doen</b> of ergens over <b>meedenken</b>. Dat bepaalt welk cijfer je bekijkt:</p><ul><li><b>Weten</b>: bereik. Hoeveel mensen zagen het bericht over de wegafsluiting?</li><li><b>Doen</b>: klikken. Hoeveel mensen gingen naar de pagina om een afspraak te maken?</li><li><b>Meedenken</b>: reacties, en vooral wat erin staat. Tel niet alleen, lees ook.</li></ul><p>Vergelijk je cijfers met je eigen gemiddelde, niet met andere gemeenten of bedrijven.</p>",
                            "en": "<h2>Start with the goal</h2><p>Engagement is what people do with your post: comment, share, save, click through, take part. For a municipality it is not a goal in itself, but a means to inform residents, involve them in plans and build trust. A post about the dog tax with a hundred angry comments also has a lot of engagement. That doesn't mean it was a good post.</p><p>So first ask yourself what you want: for residents to <b>know</b> something, <b>do</b> something or <b>contribute ideas</b>. That determines which figure you look at:</p><ul><li><b>Know</b>: reach. How many people saw the post about the road closure?</li><li><b>Do</b>: clicks. How many people went to the page to book an appointment?</li><li><b>Contribute</b>: comments, and above all what they say. Don't just count, read.</li></ul><p>Compare your figures with your own average, not with other municipalities or companies.</p>",
                        },
                    },
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Samen met de spokes</h2><p>De beste verhalen zitten in de organisatie: bij de boswachter, het strooiteam, de trouwambtenaar. De hub haalt ze op bij de spokes, maakt er content van en bewaakt één herkenbare toon. Elke afdeling draagt maandelijks onderwerpen aan voor de contentkalender, naast vaste momenten zoals de start van het schooljaar en de jaarwisseling.</p><p>Zuidstad streeft per maand naar ongeveer de helft informatie en service, een kwart verhalen over mensen en de stad en een kwart berichten waarin we inwoners om hun mening of hulp vragen. Let erop dat alle wijken aan bod komen, en plan een bericht over een nieuwe regel alleen als webcare er is om vragen te beantwoorden.</p>",
                            "en": "<h2>Together with the spokes</h2><p>The best stories are inside the organisation: with the forest ranger, the gritting team, the wedding registrar. The hub collects them from the spokes, turns them into content and safeguards one recognisable tone. Each department suggests topics for the content calendar every month, alongside fixed moments such as the start of the school year and New Year's Eve.</p><p>Each month Zuidstad aims for roughly half information and service, a quarter stories about people and the town and a quarter posts in which we ask residents for their opinion or help. Make sure all districts get attention, and only schedule a post about a new rule when webcare is around to answer questions.</p>",
                        },
                    },
                    {
                        "type": "callout",
                        "kind": "info",
                        "title": {
                            "nl": "Algoritmes belonen gesprek",
                            "en": "Algorithms reward conversation",
                        },
                        "text": {
                            "nl": "Platforms laten berichten waarop mensen reageren vaker zien. Een echte vraag over de buurt bereikt daardoor meer mensen dan een mededeling.",
                            "en": "Platforms show posts that people respond to more often. A genuine question about the neighbourhood therefore reaches more people than an announcement.",
                        },
                    },
                ],
            },
            {
                "slug": "formats-en-toegankelijkheid",
                "title": {
                    "nl": "Formats die werken, voor iedereen",
                    "en": "Formats that work, for everyone",
                },
                "intro": {
                    "nl": "Je leert welke formats goed werken voor een gemeente, op welk kanaal, en hoe je ze toegankelijk maakt.",
                    "en": "You learn which formats work well for a municipality, on which channel, and how to make them accessible.",
                },
                "minutes": 12,
                "body": [
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Formats voor een gemeente</h2><p>Een format is een vaste vorm die je vaker gebruikt. Dat scheelt tijd, en volgers gaan het herkennen.</p><ul><li><b>Achter de schermen</b>: een korte video van het strooiteam om vier uur 's nachts.</li><li><b>Vraag het de vakspecialist</b>: inwoners sturen vragen over één onderwerp, zoals afval scheiden, en een collega beantwoordt ze in korte video's.</li><li><b>Voor en na</b>: een plein voor en na de herinrichting.</li><li><b>Quiz of poll</b>: ‘Hoeveel kilo zwerfafval halen we per week uit de haven?’ Luchtig en tegelijk informatief.</li><li><b>Uitleg in één minuut</b>: hoe werkt de aanslag gemeentelijke belastingen?</li></ul><p>Kies het kanaal bij de doelgroep. In Zuidstad bereikt Facebook vooral inwoners boven de veertig en werkt het goed voor buurtnieuws. Instagram past bij beeld en jongere inwoners, LinkedIn bij werkgeversnieuws en samenwerking met ondernemers. Je eigen statistieken vertellen je wie je volgers echt zijn.</p>",
                            "en": "<h2>Formats for a municipality</h2><p>A format is a fixed form that you use repeatedly. It saves time, and followers start to recognise it.</p><ul><li><b>Behind the scenes</b>: a short video of the gritting team at four in the morning.</li><li><b>Ask the specialist</b>: residents send questions on one topic, such as sorting waste, and a colleague answers them in short videos.</li><li><b>Before and after</b>: a square before and after its redesign.</li><li><b>Quiz or poll</b>: ‘How many kilos of litter do we fish out of the harbour each week?’ Light-hearted and informative at the same time.</li><li><b>Explained in one minute</b>: how does the municipal tax assessment work?</li></ul><p>Choose the channel to match the audience. In Zuidstad, Facebook mainly reaches residents over forty and works well for neighbourhood news. Instagram suits visuals and younger residents, LinkedIn employer news and cooperation with businesses. Your own statistics tell you who your followers really are.</p>",
                        },
                    },
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Toegankelijk voor iedereen</h2><p>Overheidscommunicatie moet voor iedereen bruikbaar zijn, ook voor mensen met een beperking of mensen die minder goed lezen. Dat geldt ook op sociale media.</p><ul><li>Schrijf bij elke afbeelding een alternatieve tekst.</li><li>Ondertitel elke video. Veel mensen kijken zonder geluid, en voor doven en slechthorenden is het noodzakelijk.</li><li>Zet belangrijke informatie nooit alleen in een afbeelding, maar ook in de tekst.</li><li>Schrijf hashtags met een hoofdletter per woord en gebruik emoji met mate: een schermlezer leest elke emoji voor.</li><li>Zorg voor genoeg contrast tussen tekst en achtergrond.</li></ul>",
                            "en": "<h2>Accessible to everyone</h2><p>Government communication must be usable by everyone, including people with a disability or people who read less well. That applies on social media too.</p><ul><li>Write alternative text for every image.</li><li>Subtitle every video. Many people watch without sound, and for deaf and hard-of-hearing people it is essential.</li><li>Never put important information only in an image; put it in the text as well.</li><li>Write hashtags with a capital letter for each word and use emoji sparingly: a screen reader reads out every emoji.</li><li>Make sure there is enough contrast between text and background.</li></ul>",
                        },
                    },
                    {
                        "type": "quiz",
                        "title": {
                            "nl": "Check: formats en toegankelijkheid",
                            "en": "Check: formats and accessibility",
                        },
                        "intro": {
                            "nl": "Drie vragen over het kiezen en toegankelijk maken van content.",
                            "en": "Three questions about choosing content and making it accessible.",
                        },
                        "questions": [
                            {
                                "kind": "single",
                                "text": {
                                    "nl": "Je wilt dat meer inwoners hun oud papier apart houden. Welk format past het best?",
                                    "en": "You want more residents to keep their waste paper separate. Which format fits best?",
                                },
                                "choices": [
                                    {
                                        "text": {
                                            "nl": "Een reeks korte video's waarin een medewerker van de milieustraat vragen van inwoners over afval scheiden beantwoordt.",
                                            "en": "A series of short videos in which a recycling centre employee answers residents' questions about sorting waste.",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Het format past bij het doel (iets doen), is herkenbaar en geeft antwoord op echte vragen.",
                                            "en": "Correct. The format fits the goal (doing something), is recognisable and answers real questions.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Een poll over de kleur van de nieuwe containers.",
                                            "en": "A poll about the colour of the new bins.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Leuk voor interactie, maar het helpt niet bij afval scheiden en wekt verwachtingen over een keuze die misschien al vastligt.",
                                            "en": "Nice for interaction, but it doesn't help with sorting waste and raises expectations about a choice that may already be fixed.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Een bericht met alleen een link naar de afvalpagina.",
                                            "en": "A post with just a link to the waste page.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Dat informeert wel, maar nodigt nauwelijks uit om iets te doen of te reageren.",
                                            "en": "That does inform, but hardly invites people to act or respond.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "multiple",
                                "text": {
                                    "nl": "Wat maakt een video toegankelijker? Kies alle juiste antwoorden.",
                                    "en": "What makes a video more accessible? Choose all correct answers.",
                                },
                                "choices": [
                                    {
                                        "text": {
                                            "nl": "Ondertiteling",
                                            "en": "Subtitles",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Nodig voor doven en slechthorenden, en handig voor iedereen die zonder geluid kijkt.",
                                            "en": "Correct. Necessary for deaf and hard-of-hearing people, and useful for anyone watching without sound.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "De belangrijkste informatie ook in de tekst van het bericht",
                                            "en": "The key information also in the text of the post",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Zo kan een schermlezer de informatie voorlezen.",
                                            "en": "Correct. That way a screen reader can read the information aloud.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Een korte beschrijving van wat er in beeld gebeurt",
                                            "en": "A short description of what happens on screen",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Daarmee volgen ook mensen die slecht of niet zien de video.",
                                            "en": "Correct. That way people who are visually impaired or blind can follow the video too.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Harde achtergrondmuziek om de aandacht vast te houden",
                                            "en": "Loud background music to hold attention",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Harde muziek maakt gesproken tekst juist slechter te verstaan.",
                                            "en": "Loud music actually makes spoken words harder to understand.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "single",
                                "text": {
                                    "nl": "Een bericht over een wegafsluiting heeft weinig reacties, maar een groot bereik. Hoe beoordeel je dat?",
                                    "en": "A post about a road closure has few comments but a large reach. How do you assess that?",
                                },
                                "choices": [
                                    {
                                        "text": {
                                            "nl": "Goed: bij praktische informatie is bereik het belangrijkste cijfer.",
                                            "en": "Good: for practical information, reach is the most important figure.",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Het doel was dat mensen het weten, en veel mensen hebben het gezien.",
                                            "en": "Correct. The goal was for people to know, and many people saw it.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Slecht: weinig reacties betekent dat niemand het interessant vond.",
                                            "en": "Bad: few comments means nobody found it interesting.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Bij een mededeling zijn weinig reacties normaal. Het bericht riep blijkbaar weinig vragen op.",
                                            "en": "For an announcement, few comments are normal. The post apparently raised few questions.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Slecht: je had er een poll van moeten maken.",
                                            "en": "Bad: you should have made it a poll.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Een poll past niet bij een mededeling over een wegafsluiting; er valt niets te kiezen.",
                                            "en": "A poll doesn't suit an announcement about a road closure; there is nothing to choose.",
                                        },
                                    },
                                ],
                            },
                        ],
                    },
                ],
            },
            {
                "slug": "meedenken-online",
                "title": {
                    "nl": "Het gesprek over plannen begeleiden",
                    "en": "Guiding the conversation about plans",
                },
                "intro": {
                    "nl": "Je leert hoe je inwoners online laat meedenken over plannen, zonder valse verwachtingen en met respect voor hun privacy.",
                    "en": "You learn how to let residents contribute ideas on plans online, without false expectations and with respect for their privacy.",
                },
                "minutes": 13,
                "body": [
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Meedenken is geen inspraak</h2><p>Op sociale media bereik je inwoners die nooit naar een inloopavond komen. Dat maakt het een mooie plek om mee te laten denken, bijvoorbeeld over de inrichting van een park. Maar reacties op sociale media zijn geen representatieve peiling en geen formele inspraak. Wees daarom vanaf het eerste bericht duidelijk:</p><ul><li>Wat ligt er nog open, en wat is al besloten?</li><li>Wat gebeurt er met de reacties, wie beslist er en wanneer?</li><li>Hoe kun je formeel reageren, bijvoorbeeld met een zienswijze op een ontwerpbesluit? Dat kan niet via een reactie op Instagram.</li></ul>",
                            "en": "<h2>Contributing ideas is not formal consultation</h2><p>On social media you reach residents who never come to a drop-in evening. That makes it a good place to gather ideas, for example about the layout of a park. But comments on social media are not a representative poll and not formal consultation. So be clear from the very first post:</p><ul><li>What is still open, and what has already been decided?</li><li>What happens to the comments, who decides and when?</li><li>How can people respond formally, for example with a written objection to a draft decision? That can't be done through a comment on Instagram.</li></ul>",
                        },
                    },
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Het gesprek gaande houden en afsluiten</h2><p>Wie om meningen vraagt, moet ook luisteren. Plan tijd in om reacties te lezen en te beantwoorden. Bedank mensen, stel een vervolgvraag als iets onduidelijk is en corrigeer misverstanden vriendelijk. Betrek de projectleider bij inhoudelijke vragen. Sluit het gesprek ook netjes af: vertel wat er met de ideeën is gedaan, ook als een idee niet is overgenomen. Zo merken inwoners dat meedenken zin heeft.</p><h3>Privacy</h3><p>Reacties zijn openbaar, maar dat betekent niet dat je ze zomaar overal mag gebruiken. Citeer je een reactie in een verslag, noem dan geen namen of gebruikersnamen. Verzamel geen persoonsgegevens via sociale media: gebruik voor een enquête het participatieplatform van de gemeente, met een privacyverklaring.</p>",
                            "en": "<h2>Keeping the conversation going and closing it</h2><p>If you ask for opinions, you must also listen. Plan time to read and answer comments. Thank people, ask a follow-up question if something is unclear and correct misunderstandings kindly. Involve the project leader in questions on the substance. Close the conversation properly too: say what was done with the ideas, even if an idea was not adopted. That way residents see that contributing is worthwhile.</p><h3>Privacy</h3><p>Comments are public, but that doesn't mean you can use them anywhere you like. If you quote a comment in a report, don't mention names or usernames. Don't collect personal data via social media: for a survey, use the municipality's participation platform, with a privacy statement.</p>",
                        },
                    },
                    {
                        "type": "callout",
                        "kind": "warning",
                        "title": {"nl": "Geen beloftes", "en": "No promises"},
                        "text": {
                            "nl": "Beloof in een reactie nooit dat een idee wordt uitgevoerd. Zeg wel wat er met het idee gebeurt en wie erover beslist.",
                            "en": "Never promise in a reply that an idea will be carried out. Do say what will happen to the idea and who decides on it.",
                        },
                    },
                    {
                        "type": "scenario",
                        "title": {
                            "nl": "Kritiek op de schetsen voor het Beekpark",
                            "en": "Criticism of the sketches for Beekpark",
                        },
                        "channel": "instagram",
                        "author": {
                            "nl": "@wandelen_in_beekpark",
                            "en": "@wandelen_in_beekpark",
                        },
                        "situation": {
                            "nl": "Zuidstad heeft op Instagram drie schetsen gedeeld voor de herinrichting van het Beekpark, met de vraag welke inwoners het mooist vinden. De gemeenteraad beslist in mei. Een inwoner reageert: ‘Leuk hoor, kiezen uit drie plaatjes. Maar in alle drie ligt het hondenlosloopgebied naast de speeltuin. Dit is toch gewoon al besloten?’ De reactie heeft 34 likes. De projectleider laat weten dat die plek nog kan veranderen en dat er op 12 maart een inloopavond is in het wijkcentrum.",
                            "en": "Zuidstad has shared three sketches on Instagram for the redesign of Beekpark, asking residents which they like best. The municipal council decides in May. A resident comments: ‘Great, choosing between three pictures. But in all three the off-leash dog area is next to the playground. Surely this has already been decided?’ The comment has 34 likes. The project leader says that location can still change and that there is a drop-in evening at the community centre on 12 March.",
                        },
                        "task": {
                            "nl": "Schrijf de reactie van Zuidstad op deze inwoner.",
                            "en": "Write Zuidstad's reply to this resident.",
                        },
                        "guidance": {
                            "nl": "Je neemt de zorg serieus en bent eerlijk over wat nog open ligt. Je legt uit wat er met de reacties gebeurt en wie beslist, zonder te beloven dat het losloopgebied verplaatst wordt. Je vraagt door naar de zorg en nodigt de inwoner uit voor de inloopavond.",
                            "en": "You take the concern seriously and are honest about what is still open. You explain what happens to the comments and who decides, without promising the off-leash area will be moved. You ask more about the concern and invite the resident to the drop-in evening.",
                        },
                        "model_answer": {
                            "nl": "Goed dat je dit zegt, en nee: dit is nog niet besloten. Ook de plek van het hondenlosloopgebied kan nog veranderen. We hebben het in alle drie de schetsen opgenomen omdat veel hondenbezitters erom hebben gevraagd, maar naast de speeltuin is niet de enige mogelijkheid. Wat is voor jou de belangrijkste reden om het daar niet te willen? Dan nemen we dat mee. Op 12 maart kun je in het wijkcentrum ook met de projectleider praten. Alle reacties gaan mee naar de gemeenteraad, die in mei beslist. ^MK",
                            "en": "Good that you raise this, and no: this hasn't been decided yet. The location of the off-leash dog area can still change too. We included it in all three sketches because many dog owners asked for one, but next to the playground isn't the only option. What is your main reason for not wanting it there? Then we'll take that into account. On 12 March you can also talk to the project leader at the community centre. All comments go to the municipal council, which decides in May. ^MK",
                        },
                    },
                ],
            },
        ],
    },
    {
        "slug": "werven-via-sociale-media",
        "topic": "social-recruitment",
        "level": "intermediate",
        "estimated_minutes": 35,
        "pass_mark": 70,
        "title": {
            "nl": "Social recruitment: nieuwe collega's vinden via sociale media",
            "en": "Social recruitment: finding new colleagues through social media",
        },
        "summary": {
            "nl": "Leer hoe HR en de hub van Zuidstad samen vacatures onder de aandacht brengen: met eerlijke verhalen, inclusieve vacatureberichten en zorgvuldige omgang met de gegevens van kandidaten en collega's.",
            "en": "Learn how HR and the Zuidstad hub promote vacancies together: with honest stories, inclusive job posts and careful handling of candidates' and colleagues' data.",
        },
        "objectives": [
            {
                "nl": "Je legt uit wat het werkgeversmerk van Zuidstad is en wie wat doet bij social recruitment.",
                "en": "You can explain what Zuidstad's employer brand is and who does what in social recruitment.",
            },
            {
                "nl": "Je schrijft een vacaturebericht dat concreet en inclusief is en op taalniveau B1.",
                "en": "You write a job post that is concrete, inclusive and at B1 language level.",
            },
            {
                "nl": "Je zet collega's in als ambassadeur, met schriftelijke toestemming en respect voor hun portretrecht.",
                "en": "You involve colleagues as ambassadors, with written consent and respect for their image rights.",
            },
            {
                "nl": "Je kent de privacyregels bij adverteren, online screening en vragen van kandidaten.",
                "en": "You know the privacy rules for advertising, online screening and questions from candidates.",
            },
        ],
        "modules": [
            {
                "slug": "gemeente-als-werkgever",
                "title": {
                    "nl": "De gemeente als werkgever",
                    "en": "The municipality as an employer",
                },
                "intro": {
                    "nl": "Je leest waarom social recruitment nodig is, wat het werkgeversmerk van Zuidstad is en wie er wat doet.",
                    "en": "You read why social recruitment is needed, what Zuidstad's employer brand is and who does what.",
                },
                "minutes": 10,
                "body": [
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Waarom werven via sociale media?</h2><p>Gemeenten zoeken dezelfde mensen als bedrijven: ICT'ers, juristen, technici, handhavers, sociaal werkers. Veel van hen denken niet vanzelf aan de gemeente, of verwachten saai en stroperig werk. Op sociale media laat je zien hoe het werk echt is, en bereik je mensen die niet actief zoeken maar wel openstaan voor iets nieuws.</p><p>Het werkgeversmerk van Zuidstad rust op drie dingen: <b>werk dat ertoe doet</b> (inwoners merken het in hun eigen straat), <b>ruimte om te groeien</b> (opleidingen, een ontwikkelbudget, wisselen van afdeling) en <b>goede voorwaarden</b> (duidelijke salarisschalen, hybride werken waar het kan). Beloof alleen wat klopt: wie merkt dat het werk anders is dan de post beloofde, vertrekt snel weer.</p>",
                            "en": "<h2>Why recruit through social media?</h2><p>Municipalities are looking for the same people as companies: IT specialists, lawyers, engineers, enforcement officers, social workers. Many of them don't naturally think of the municipality, or expect dull and slow-moving work. On social media you show what the work is really like, and you reach people who aren't actively looking but are open to something new.</p><p>Zuidstad's employer brand rests on three things: <b>work that matters</b> (residents notice it in their own street), <b>room to grow</b> (training, a development budget, moving between departments) and <b>good terms</b> (clear salary scales, hybrid working where possible). Only promise what is true: anyone who finds the work differs from what the post promised will soon leave again.</p>",
                        },
                    },
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Wie doet wat?</h2><p>Bij Zuidstad werken HR en de hub samen. HR is een spoke: de recruiters kennen de vacatures, de doelgroep en de procedure. De hub kent de kanalen, maakt de content en bewaakt de toon. De leidinggevende levert de inhoud van de functie en collega's die hun verhaal willen vertellen. Webcare beantwoordt algemene vragen onder vacatureberichten met informatie van HR, en zet vragen over een lopende sollicitatie door naar de recruiter.</p><p>Collega's zijn je sterkste wervers. Mensen geloven een handhaver die vertelt over haar mooiste dienst eerder dan een slogan. Daarom maakt Zuidstad collegaverhalen, en krijgen medewerkers een korte tekst en afbeelding die ze in hun eigen woorden kunnen delen.</p>",
                            "en": "<h2>Who does what?</h2><p>At Zuidstad, HR and the hub work together. HR is a spoke: the recruiters know the vacancies, the target group and the procedure. The hub knows the channels, creates the content and safeguards the tone. The manager provides the content of the job and colleagues who want to tell their story. Webcare answers general questions below job posts with information from HR, and passes questions about an ongoing application to the recruiter.</p><p>Colleagues are your strongest recruiters. People believe an enforcement officer talking about her best shift sooner than a slogan. That is why Zuidstad makes colleague stories, and employees get a short text and image they can share in their own words.</p>",
                        },
                    },
                    {
                        "type": "callout",
                        "kind": "info",
                        "title": {
                            "nl": "Doelgroep eerst",
                            "en": "Target group first",
                        },
                        "text": {
                            "nl": "Een jonge ICT'er bereik je op andere plekken en met andere verhalen dan een ervaren jurist. Schets per vacature eerst wat de ideale kandidaat drijft en waar die persoon online is.",
                            "en": "You reach a young IT specialist in different places and with different stories than an experienced lawyer. For each vacancy, first sketch what drives the ideal candidate and where that person is online.",
                        },
                    },
                ],
            },
            {
                "slug": "vacaturebericht-schrijven",
                "title": {
                    "nl": "Een vacaturebericht schrijven",
                    "en": "Writing a job post",
                },
                "intro": {
                    "nl": "Je leert een vacaturebericht opbouwen dat nieuwsgierig maakt en iedereen aanspreekt die geschikt is.",
                    "en": "You learn to build a job post that sparks curiosity and appeals to everyone who is suitable.",
                },
                "minutes": 12,
                "body": [
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>De opbouw</h2><p>Een vacaturebericht is geen ingekorte vacaturetekst. Het doel is nieuwsgierig maken, zodat mensen doorklikken.</p><ol><li><b>Begin bij het werk of de kandidaat</b>, niet bij de gemeente. ‘Wil jij zorgen dat 40.000 huishoudens hun afval goed kwijt kunnen?’ werkt beter dan ‘Gemeente Zuidstad zoekt een beleidsmedewerker afval’.</li><li><b>Maak het concreet</b>: wat doe je op een gewone werkdag, en met wie?</li><li><b>Noem de voorwaarden</b>: salaris, uren en plaats. Berichten met een salaris krijgen meer reacties.</li><li><b>Eén vervolgstap</b>: de link naar de vacature en de sluitingsdatum.</li><li><b>Een aanspreekpunt</b> voor vragen, met naam en functie, als die collega dat goed vindt.</li></ol><p>Gebruik een echte foto of korte video van de werkplek, geen stockfoto, en zet functienaam en sluitingsdatum ook in de tekst.</p>",
                            "en": "<h2>The structure</h2><p>A job post is not a shortened job description. The goal is to spark curiosity, so people click through.</p><ol><li><b>Start with the work or the candidate</b>, not the municipality. ‘Would you like to make sure 40,000 households can dispose of their waste properly?’ works better than ‘The municipality of Zuidstad is looking for a waste policy officer’.</li><li><b>Make it concrete</b>: what do you do on an ordinary working day, and with whom?</li><li><b>State the terms</b>: salary, hours and location. Posts that mention salary get more responses.</li><li><b>One next step</b>: the link to the vacancy and the closing date.</li><li><b>A contact person</b> for questions, with name and job title, if that colleague agrees.</li></ol><p>Use a real photo or short video of the workplace, not a stock photo, and put the job title and closing date in the text too.</p>",
                        },
                    },
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Inclusief schrijven</h2><p>Woorden bepalen wie zich aangesproken voelt. De wet verbiedt bij werving onderscheid naar onder meer leeftijd, geslacht, afkomst, godsdienst, handicap en seksuele gerichtheid. Zuidstad wil bovendien dat iedereen die geschikt is, zich welkom voelt.</p><ul><li>Vermijd woorden die een leeftijd of geslacht suggereren, zoals ‘jong team’, ‘stoer’ of ‘hij’. Beschrijf wat iemand moet kunnen.</li><li>Noem alleen eisen die echt nodig zijn. Een lange lijst schrikt geschikte mensen af, vaak juist vrouwen en zij-instromers.</li><li>Laat verschillende collega's zien, maar alleen echte collega's die toestemming hebben gegeven.</li><li>Vermeld dat kandidaten om aanpassingen in de procedure kunnen vragen, bijvoorbeeld bij een beperking.</li></ul>",
                            "en": "<h2>Writing inclusively</h2><p>Words determine who feels addressed. The law prohibits discrimination in recruitment on grounds including age, sex, origin, religion, disability and sexual orientation. Zuidstad also wants everyone who is suitable to feel welcome.</p><ul><li>Avoid words that suggest an age or gender, such as ‘young team’, ‘tough’ or ‘he’. Describe what someone needs to be able to do.</li><li>Only list requirements that are truly necessary. A long list puts off suitable people, often women and career changers in particular.</li><li>Show a variety of colleagues, but only real colleagues who have given consent.</li><li>State that candidates can ask for adjustments to the procedure, for example because of a disability.</li></ul>",
                        },
                    },
                    {
                        "type": "callout",
                        "kind": "tip",
                        "title": {
                            "nl": "Test de eerste twee regels",
                            "en": "Test the first two lines",
                        },
                        "text": {
                            "nl": "Lees alleen de eerste twee regels van je bericht. Zou jij verder lezen als je niet op zoek was naar een baan? Zo niet, herschrijf dan het begin.",
                            "en": "Read only the first two lines of your post. Would you read on if you weren't looking for a job? If not, rewrite the opening.",
                        },
                    },
                    {
                        "type": "scenario",
                        "title": {
                            "nl": "Vacature: twee boa's voor de openbare ruimte",
                            "en": "Vacancy: two enforcement officers for public space",
                        },
                        "channel": "linkedin",
                        "author": {
                            "nl": "Recruiter HR Zuidstad",
                            "en": "Zuidstad HR recruiter",
                        },
                        "situation": {
                            "nl": "Een recruiter stuurt je de gegevens: Zuidstad zoekt twee boa's (handhavers) voor de openbare ruimte. 36 uur per week, schaal 8 (€ 3.150 tot € 4.580 bruto per maand), sluitingsdatum 30 april. Je werkt in duo's in de wijken, in wisseldiensten, ook 's avonds en in het weekend. Een boa-diploma is geen eis: de gemeente betaalt de opleiding. Op de vorige post, ‘Stoer jong team zoekt versterking!’, reageerden bijna alleen mannen onder de dertig.",
                            "en": "A recruiter sends you the details: Zuidstad is looking for two special enforcement officers (boa's) for public space. 36 hours a week, scale 8 (€3,150 to €4,580 gross per month), closing date 30 April. You work in pairs in the neighbourhoods, in rotating shifts, including evenings and weekends. A boa qualification is not required: the municipality pays for the training. The previous post, ‘Tough young team seeks reinforcement!’, drew responses almost only from men under thirty.",
                        },
                        "task": {
                            "nl": "Schrijf een LinkedIn-bericht voor deze vacature van hooguit 150 woorden.",
                            "en": "Write a LinkedIn post for this vacancy of no more than 150 words.",
                        },
                        "guidance": {
                            "nl": "Een goed bericht begint bij het werk of de kandidaat, niet bij de gemeente. Het is eerlijk over de wisseldiensten, noemt salaris, uren en sluitingsdatum en vertelt dat de opleiding betaald wordt. Het vermijdt woorden als ‘jong’ en ‘stoer’, beschrijft wat iemand moet kunnen en eindigt met één duidelijke vervolgstap.",
                            "en": "A good post starts with the work or the candidate, not the municipality. It is honest about the rotating shifts, states salary, hours and closing date and says the training is paid for. It avoids words like ‘young’ and ‘tough’, describes what someone needs to be able to do and ends with one clear next step.",
                        },
                        "model_answer": {
                            "nl": "Jij bent het gezicht van de gemeente op straat. Je spreekt mensen aan op afval naast de container, houdt toezicht bij evenementen en weet wat er speelt in de wijk. Zuidstad zoekt twee boa's voor de openbare ruimte. Je werkt samen met een collega, in wisseldiensten, dus ook 's avonds en in het weekend. Nog geen boa-diploma? Geen probleem: wij betalen je opleiding. Wat vragen we? Dat je rustig blijft als het spannend wordt en graag met mensen praat. Wat bieden we? 36 uur per week, schaal 8 (€ 3.150 tot € 4.580 bruto per maand) en een betrokken team. Reageer vóór 30 april via zuidstad.nl/vacatures. Heb je een beperking en wil je een aanpassing in de procedure? Laat het ons weten. #WerkenBijZuidstad #Handhaving",
                            "en": "You are the face of the municipality on the street. You speak to people about rubbish left next to the bin, keep an eye on things at events and know what is going on in the neighbourhood. Zuidstad is looking for two enforcement officers for public space. You work with a colleague, in rotating shifts, so also evenings and weekends. No boa qualification yet? No problem: we pay for your training. What do we ask? That you stay calm when things get tense and enjoy talking to people. What do we offer? 36 hours a week, scale 8 (€3,150 to €4,580 gross per month) and a committed team. Apply before 30 April via zuidstad.nl/vacatures. Do you have a disability and would you like an adjustment to the procedure? Let us know. #WerkenBijZuidstad #Handhaving",
                        },
                    },
                ],
            },
            {
                "slug": "privacy-en-toestemming",
                "title": {
                    "nl": "Privacy en toestemming",
                    "en": "Privacy and consent",
                },
                "intro": {
                    "nl": "Je leert wat de AVG en het portretrecht betekenen voor collegaverhalen, advertenties en contact met kandidaten.",
                    "en": "You learn what the GDPR and image rights mean for colleague stories, advertising and contact with candidates.",
                },
                "minutes": 13,
                "body": [
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Collega's in beeld</h2><p>Een collega die in een wervingsvideo verschijnt, doet dat vrijwillig. Niemand mag het gevoel hebben dat nee zeggen gevolgen heeft. Vraag het daarom individueel, niet in een teamoverleg.</p><ul><li>Leg de toestemming schriftelijk vast: welke beelden, voor welke kanalen en hoe lang.</li><li>Vertel dat de collega de toestemming altijd kan intrekken. Haal de beelden dan van de eigen kanalen en gebruik ze niet opnieuw.</li><li>Gaat de collega uit dienst? Stop dan met het beeld in vacatureberichten: een oud-collega als gezicht van een vacature is misleidend.</li><li>Let op de achtergrond: geen schermen of dossiers met persoonsgegevens, geen herkenbare inwoners.</li></ul><p>Een collega in beeld kan vervelende reacties krijgen, zeker als handhaver. Webcare houdt de reacties in de gaten en grijpt in volgens de huisregels; de collega hoeft zelf niet te reageren.</p>",
                            "en": "<h2>Colleagues on camera</h2><p>A colleague who appears in a recruitment video does so voluntarily. Nobody should feel that saying no has consequences. So ask individually, not in a team meeting.</p><ul><li>Record the consent in writing: which images, for which channels and for how long.</li><li>Tell the colleague they can always withdraw consent. Then remove the images from your own channels and don't use them again.</li><li>Is the colleague leaving? Then stop using the image in job posts: a former colleague as the face of a vacancy is misleading.</li><li>Watch the background: no screens or files with personal data, no recognisable residents.</li></ul><p>A colleague on camera may get unpleasant comments, especially as an enforcement officer. Webcare monitors the comments and intervenes according to the house rules; the colleague doesn't have to respond.</p>",
                        },
                    },
                    {
                        "type": "text",
                        "html": {
                            "nl": "<h2>Adverteren, screenen en reageren</h2><p><b>Adverteren</b>: met betaalde berichten bereik je een gerichte doelgroep. Maar selecteren op leeftijd, geslacht of afkomst bij een vacature is discriminatie. Richt je op vakgebied, interesses en regio, en kijk na afloop of je een brede groep hebt bereikt.</p><p><b>Online screening</b>: een kandidaat opzoeken is ook het verwerken van persoonsgegevens. Bij Zuidstad mag dat alleen als het nodig is voor de functie, alleen door HR of de selectiecommissie, en alleen als het in de vacature staat. De kandidaat mag reageren op wat er gevonden is. De hub doet nooit zelf onderzoek naar kandidaten.</p><p><b>Vragen van kandidaten</b>: algemene vragen over de procedure of het salaris beantwoord je openbaar. Over een eigen sollicitatie zeg je in het openbaar niets, zelfs niet dat iemand heeft gesolliciteerd. Nodig de kandidaat uit voor een privébericht en laat de inhoudelijke reactie aan HR. Afwijzingen gaan altijd via HR, nooit via sociale media.</p>",
                            "en": "<h2>Advertising, screening and responding</h2><p><b>Advertising</b>: with paid posts you reach a targeted audience. But selecting by age, sex or origin for a vacancy is discrimination. Target by professional field, interests and region, and check afterwards whether you reached a broad group.</p><p><b>Online screening</b>: looking up a candidate is also processing personal data. At Zuidstad this is only allowed if it is necessary for the position, only by HR or the selection committee, and only if the vacancy says so. The candidate may respond to what was found. The hub never researches candidates itself.</p><p><b>Questions from candidates</b>: you answer general questions about the procedure or the salary publicly. About an individual application you say nothing in public, not even that someone has applied. Invite the candidate to a private message and leave the substantive reply to HR. Rejections always go through HR, never through social media.</p>",
                        },
                    },
                    {
                        "type": "callout",
                        "kind": "warning",
                        "title": {
                            "nl": "Sollicitatiegegevens horen niet in je inbox",
                            "en": "Application data doesn't belong in your inbox",
                        },
                        "text": {
                            "nl": "Krijg je een cv via een privébericht? Stuur het via het afgesproken kanaal door naar HR en verwijder het daarna uit de inbox.",
                            "en": "Receive a CV via a private message? Forward it to HR through the agreed channel and then delete it from the inbox.",
                        },
                    },
                    {
                        "type": "quiz",
                        "title": {
                            "nl": "Check: privacy en toestemming",
                            "en": "Check: privacy and consent",
                        },
                        "intro": {
                            "nl": "Drie vragen over collega's in beeld en contact met kandidaten.",
                            "en": "Three questions about colleagues on camera and contact with candidates.",
                        },
                        "questions": [
                            {
                                "kind": "single",
                                "text": {
                                    "nl": "Een collega die in de wervingsvideo van vorig jaar staat, vraagt of die offline kan. Wat doe je?",
                                    "en": "A colleague who appears in last year's recruitment video asks whether it can be taken offline. What do you do?",
                                },
                                "choices": [
                                    {
                                        "text": {
                                            "nl": "Je haalt de video van de kanalen van de gemeente en gebruikt de beelden niet meer.",
                                            "en": "You remove the video from the municipality's channels and no longer use the footage.",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Toestemming kan altijd worden ingetrokken, zonder dat de collega een reden hoeft te geven.",
                                            "en": "Correct. Consent can always be withdrawn, without the colleague having to give a reason.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Je legt uit dat ze destijds toestemming heeft gegeven, dus dat de video blijft staan.",
                                            "en": "You explain that she gave consent at the time, so the video stays up.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Eerder gegeven toestemming is geen toestemming voor altijd. Ze mag die intrekken.",
                                            "en": "Consent given earlier is not consent forever. She may withdraw it.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Je vraagt eerst waarom, en beslist daarna of de video blijft staan.",
                                            "en": "You first ask why, and then decide whether the video stays up.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "De collega hoeft geen reden te geven. Doorvragen kan voelen als druk.",
                                            "en": "The colleague doesn't have to give a reason. Questioning her can feel like pressure.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "multiple",
                                "text": {
                                    "nl": "Je filmt een collegaverhaal bij Burgerzaken. Waar let je op? Kies alle juiste antwoorden.",
                                    "en": "You are filming a colleague story at Civil Affairs. What do you pay attention to? Choose all correct answers.",
                                },
                                "choices": [
                                    {
                                        "text": {
                                            "nl": "Er zijn geen schermen met persoonsgegevens in beeld.",
                                            "en": "No screens with personal data are in shot.",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Een beeldscherm op de achtergrond kan al een datalek zijn.",
                                            "en": "Correct. A screen in the background can already be a data breach.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Inwoners aan de balie zijn niet herkenbaar in beeld.",
                                            "en": "Residents at the counter are not recognisable in shot.",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Dat iemand bij Burgerzaken komt, is informatie over die persoon.",
                                            "en": "Correct. The fact that someone visits Civil Affairs is information about that person.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "De toestemming van de collega staat op papier, met kanalen en termijn.",
                                            "en": "The colleague's consent is in writing, with channels and duration.",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Zo weet iedereen waar hij aan toe is en kun je het later terugvinden.",
                                            "en": "Correct. That way everyone knows where they stand and you can find it later.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Het hele team doet mee, zodat het team compleet in beeld is.",
                                            "en": "The whole team takes part, so the team is shown complete.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Meedoen is vrijwillig. Niemand hoort zich verplicht te voelen.",
                                            "en": "Taking part is voluntary. Nobody should feel obliged.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "single",
                                "text": {
                                    "nl": "Onder een vacaturebericht schrijft iemand: ‘Ik heb drie weken geleden gesolliciteerd en nog niets gehoord. Schandalig!’ Wat is de beste reactie?",
                                    "en": "Below a job post someone writes: ‘I applied three weeks ago and still haven't heard anything. Disgraceful!’ What is the best response?",
                                },
                                "choices": [
                                    {
                                        "text": {
                                            "nl": "Excuses voor het lange wachten, uitleggen dat je over een persoonlijke sollicitatie in het openbaar niets kunt zeggen, en voorstellen verder te gaan in een privébericht waarna de recruiter contact opneemt.",
                                            "en": "Apologise for the long wait, explain you can't discuss an individual application in public, and suggest continuing in a private message, after which the recruiter gets in touch.",
                                        },
                                        "correct": True,
                                        "explanation": {
                                            "nl": "Juist. Je erkent de frustratie, beschermt de privacy van de kandidaat en zorgt voor een snel vervolg.",
                                            "en": "Correct. You acknowledge the frustration, protect the candidate's privacy and ensure a quick follow-up.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "Openbaar antwoorden dat de sollicitatie nog in behandeling is en dat hij volgende week bericht krijgt.",
                                            "en": "Reply publicly that the application is still being processed and he'll hear next week.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "Hiermee deel je in het openbaar informatie over zijn sollicitatie. Dat hoort niet.",
                                            "en": "This shares information about his application in public. That isn't appropriate.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "nl": "De reactie verbergen, omdat het over een persoonlijke zaak gaat.",
                                            "en": "Hide the comment, because it is about a personal matter.",
                                        },
                                        "correct": False,
                                        "explanation": {
                                            "nl": "De reactie valt binnen de huisregels. Verbergen voelt als wegmoffelen van kritiek.",
                                            "en": "The comment is within the house rules. Hiding it feels like covering up criticism.",
                                        },
                                    },
                                ],
                            },
                        ],
                    },
                ],
            },
        ],
    },
]
