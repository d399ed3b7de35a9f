// Name lists for the synthetic population. Family names are in rough order of frequency in
// England and Wales (ONS / surname studies), so a Zipf-like weight by rank gives a realistic skew:
// Smith about 1%, a long tail of rare names generated from syllables and letters (population.ts).

export const COMMON_FAMILY_NAMES: readonly string[] = [
  'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson',
  'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall',
  'Lewis', 'Harris', 'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill',
  'Ward', 'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen',
  'James', 'Scott', 'Phillips', 'Watson', 'Davis', 'Parker', 'Price', 'Bennett', 'Young', 'Griffiths',
  'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins', 'Bell', 'Shaw', 'Murphy',
  'Miller', 'Cox', 'Richards', 'Khan', 'Marshall', 'Anderson', 'Simpson', 'Ellis', 'Adams', 'Singh',
  'Begum', 'Wilkinson', 'Foster', 'Chapman', 'Powell', 'Webb', 'Rogers', 'Gray', 'Mason', 'Ali',
  'Hunt', 'Hussain', 'Campbell', 'Matthews', 'Owen', 'Palmer', 'Holmes', 'Mills', 'Barnes', 'Knight',
  'Lloyd', 'Butler', 'Russell', 'Barker', 'Fisher', 'Stevens', 'Jenkins', 'Murray', 'Dixon', 'Harvey',
  'Graham', 'Pearson', 'Ahmed', 'Fletcher', 'Walsh', 'Kaur', 'Gibson', 'Howard', 'Andrews', 'Stewart',
  'Elliott', 'Reynolds', 'Saunders', 'Payne', 'Fox', 'Ford', 'Pearce', 'Day', 'Brooks', 'West',
  'Lawrence', 'Cole', 'Atkinson', 'Bradley', 'Spencer', 'Gill', 'Dawson', 'Ball', 'Burton', "O'Brien",
  'Watts', 'Rose', 'Booth', 'Perry', 'Ryan', 'Grant', 'Wells', 'Armstrong', 'Francis', 'Rees',
  'Hayes', 'Hart', 'Hudson', 'Newman', 'Barrett', 'Webster', 'Hunter', 'Gregory', 'Carr', 'Lowe',
  'Page', 'Marsh', 'Riley', 'Dunn', 'Woods', 'Parsons', 'Berry', 'Stone', 'Reid', 'Holland',
  'Hawkins', 'Harding', 'Porter', 'Robertson', 'Newton', 'Oliver', 'Reed', 'Kennedy', 'Williamson', 'Bird',
  'Gardner', 'Shah', 'Dean', 'Lane', 'Cooke', 'Bates', 'Henderson', 'Parry', 'Burgess', 'Bishop',
  'Walton', 'Burns', 'Nicholson', 'Shepherd', 'Ross', 'Cross', 'Long', 'Freeman', 'Warren', 'Nicholls',
  'Hamilton', 'Byrne', 'Sutton', 'McDonald', 'Yates', 'Hodgson', 'Robson', 'Curtis', 'Hopkins', "O'Connor",
  'Harper', 'Coleman', 'Watkins', 'Moss', 'McCarthy', 'Chambers', "O'Neill", 'Griffin', 'Sharp', 'Hardy',
  'Wheeler', 'Potter', 'Osborne', 'Johnston', 'Gordon', 'Doyle', 'Wallace', 'George', 'Jordan', 'Hutchinson',
  'Rowe', 'Burke', 'May', 'Pritchard', 'Gilbert', 'Willis', 'Higgins', 'Read', 'Miles', 'Stevenson',
  'Stephenson', 'Hammond', 'Arnold', 'Buckley', 'Walters', 'Hewitt', 'Barber', 'Nelson', 'Slater', 'Austin',
  'Sullivan', 'Whitehead', 'Mann', 'Frost', 'Lambert', 'Stephens', 'Blake', 'Akhtar', 'Lynch', 'Goodwin',
  'Barton', 'Woodward', 'Thomson', 'Cunningham', 'Quinn', 'Barnett', 'Baxter', 'Bibi', 'Clayton', 'Nash',
  'Greenwood', 'Jennings', 'Holt', 'Kemp', 'Poole', 'Gallagher', 'Bond', 'Stokes', 'Tucker', 'Davidson',
  'Fowler', 'Heath', 'Norman', 'Middleton', 'Lawson', 'Banks', 'French', 'Stanley', 'Jarvis', 'Gibbs',
  'Ferguson', 'Hayward', 'Carroll', 'Douglas', 'Dickinson', 'Todd', 'Barlow', 'Peters', 'Lucas', 'Knowles',
  'Hartley', 'Miah', 'Simmons', 'Morton', 'Alexander', 'Field', 'Morrison', 'Norris', 'Townsend', 'Preston',
  'Hancock', 'Thornton', 'Baldwin', 'Burrows', 'Briggs', 'Storey', 'Pollard', 'Howell', 'Humphreys', 'Nowak',
  'Kowalski', 'Nguyen', 'Okafor', 'Mensah', 'Adeyemi', 'Rahman', 'Islam', 'Chowdhury', 'Mahmood', 'Iqbal',
  'Smith-Jones', 'Lloyd-Davies', 'Wong', 'Chen', 'Silva', 'Santos', 'Ferreira', 'Costa', 'Popescu', 'Kaya',
];

/** Given names by sex, in rough order of frequency across birth cohorts 1940-2008. */
export const MALE_GIVEN_NAMES: readonly string[] = [
  'David', 'John', 'Michael', 'Paul', 'Andrew', 'Mark', 'James', 'Peter', 'Robert', 'Richard',
  'Christopher', 'Stephen', 'Daniel', 'Thomas', 'Matthew', 'Ian', 'Steven', 'Gary', 'Anthony', 'William',
  'Alan', 'Simon', 'Kevin', 'Martin', 'Jason', 'Lee', 'Darren', 'Craig', 'Neil', 'Jonathan',
  'Adam', 'Ryan', 'Jack', 'Joshua', 'Luke', 'Liam', 'Jamie', 'Scott', 'Dean', 'Wayne',
  'Brian', 'Keith', 'Colin', 'Graham', 'Philip', 'Nicholas', 'Benjamin', 'Samuel', 'Joseph', 'Carl',
  'Shaun', 'Stuart', 'Kieran', 'Callum', 'Connor', 'Harry', 'Oliver', 'Charlie', 'George', 'Alexander',
  'Mohammed', 'Muhammad', 'Ali', 'Omar', 'Hassan', 'Imran', 'Tariq', 'Arjun', 'Rajesh', 'Sanjay',
  'Patrick', 'Sean', 'Declan', 'Kyle', 'Bradley', 'Aaron', 'Nathan', 'Jordan', 'Tyler', 'Reece',
  'Derek', 'Trevor', 'Roger', 'Terence', 'Barry', 'Dennis', 'Raymond', 'Kenneth', 'Malcolm', 'Gordon',
  'Piotr', 'Tomasz', 'Marek', 'Andrei', 'Kwame', 'Chinedu', 'Tunde', 'Ahmed', 'Yusuf', 'Ibrahim',
];

export const FEMALE_GIVEN_NAMES: readonly string[] = [
  'Sarah', 'Susan', 'Karen', 'Julie', 'Elizabeth', 'Margaret', 'Helen', 'Claire', 'Emma', 'Nicola',
  'Lisa', 'Michelle', 'Joanne', 'Amanda', 'Patricia', 'Linda', 'Deborah', 'Jennifer', 'Laura', 'Rachel',
  'Jessica', 'Sophie', 'Hannah', 'Charlotte', 'Emily', 'Lauren', 'Amy', 'Rebecca', 'Katie', 'Chloe',
  'Mary', 'Anne', 'Jane', 'Catherine', 'Christine', 'Carol', 'Tracey', 'Dawn', 'Donna', 'Kelly',
  'Samantha', 'Victoria', 'Louise', 'Gemma', 'Kirsty', 'Stacey', 'Jade', 'Leanne', 'Natalie', 'Danielle',
  'Olivia', 'Amelia', 'Grace', 'Ellie', 'Megan', 'Holly', 'Abigail', 'Lucy', 'Georgia', 'Bethany',
  'Fatima', 'Aisha', 'Ayesha', 'Zainab', 'Priya', 'Sunita', 'Anjali', 'Nadia', 'Yasmin', 'Shabana',
  'Siobhan', 'Niamh', 'Ciara', 'Aoife', 'Bridget', 'Maureen', 'Sheila', 'Brenda', 'Janet', 'Pauline',
  'Barbara', 'Valerie', 'Jean', 'Doreen', 'Irene', 'Sandra', 'Wendy', 'Gillian', 'Alison', 'Jacqueline',
  'Agnieszka', 'Anna', 'Katarzyna', 'Maria', 'Ana', 'Ngozi', 'Abena', 'Chiamaka', 'Mei', 'Lin',
];

/** Pieces for rarer English-looking family names: "Ash" + "worth" = Ashworth. */
export const FAMILY_NAME_STEMS: readonly string[] = [
  'Ash', 'Brad', 'Whit', 'Hol', 'Pen', 'Thorn', 'Cald', 'Mar', 'Wool', 'Har', 'Brom', 'Sel', 'Ather', 'Blen',
  'Cran', 'Dal', 'Ever', 'Fair', 'Gold', 'Hazel', 'Ing', 'Kirk', 'Lang', 'Mid', 'Nor', 'Ock', 'Pick', 'Rad',
  'Stan', 'Tal', 'Up', 'Wal', 'Wex', 'Bram', 'Chad', 'Dun', 'Els', 'Fen', 'Grim', 'Hack', 'Lock', 'Mos',
];

export const FAMILY_NAME_ENDINGS: readonly string[] = [
  'ley', 'ton', 'worth', 'field', 'ham', 'by', 'well', 'ford', 'wood', 'shaw', 'dale', 'combe', 'wick',
  'stead', 'hurst', 'more', 'bridge', 'croft', 'son', 'er', 'ington', 'bury', 'thorpe', 'cliffe', 'holme',
  'ridge', 'gate', 'mouth', 'brook', 'land',
];

export const TITLES = {
  female: ['Ms', 'Mrs', 'Miss', 'Dr'],
  male: ['Mr', 'Mr', 'Mr', 'Dr'],
  other: ['Mx'],
  unknown: ['Mx'],
} as const;
